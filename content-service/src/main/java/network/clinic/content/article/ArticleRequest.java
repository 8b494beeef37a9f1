package network.clinic.content.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Create or replace an article.
 *
 * @param slug only on create; generated from the title when absent; never changes afterwards
 * @param clinicId only on create; absent means the caller's own clinic (network-wide for a
 *     network admin); the owner never changes afterwards
 * @param version on update, the version edited (or send If-Match instead)
 */
record ArticleRequest(
    @Size(max = Slugs.MAX_SLUG_LENGTH) @Pattern(regexp = Slugs.SLUG_PATTERN) String slug,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 500) String summary,
    @NotBlank @Size(max = 100_000) String body,
    @Size(max = 20) List<@NotBlank @Size(max = Slugs.MAX_TAG_LENGTH) String> tags,
    @Size(max = 20) List<@NotNull @Size(max = 64) @Pattern(regexp = Slugs.ID_PATTERN) String> treatmentIds,
    @Size(max = 120) String author,
    @Size(max = 64) @Pattern(regexp = Slugs.ID_PATTERN) String clinicId,
    @Size(max = 50) List<@Valid @NotNull Faq> faq,
    @Size(max = 300) String metaDescription,
    LocalDate originallyPublishedOn,
    @PositiveOrZero Long version) {

  record Faq(@NotBlank @Size(max = 300) String question, @NotBlank @Size(max = 5000) String answer) {}

  ArticleContent content() {
    List<FaqEntry> entries = faq == null ? List.of() : faq.stream().map(f -> new FaqEntry(f.question().strip(), f.answer().strip())).toList();
    return new ArticleContent(title, summary, body, tags, treatmentIds, author, entries, metaDescription, originallyPublishedOn);
  }
}
