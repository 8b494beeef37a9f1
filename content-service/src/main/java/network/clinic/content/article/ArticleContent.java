package network.clinic.content.article;

import java.time.LocalDate;
import java.util.List;

/**
 * What an author controls, already checked and normalised: from the staff API, an import or the
 * sample articles.
 *
 * @param summary may be null: then the first paragraph is used
 * @param metaDescription may be null: then the summary is used
 * @param originallyPublishedOn when the text first appeared elsewhere (an imported blog post)
 */
public record ArticleContent(
    String title,
    String summary,
    String body,
    List<String> tags,
    List<String> treatmentIds,
    String author,
    List<FaqEntry> faq,
    String metaDescription,
    LocalDate originallyPublishedOn) {

  public ArticleContent {
    tags = tags == null ? List.of() : tags.stream().map(Slugs::tag).filter(t -> !t.isEmpty()).distinct().toList();
    treatmentIds = treatmentIds == null ? List.of() : treatmentIds.stream().distinct().toList();
    faq = faq == null ? List.of() : List.copyOf(faq);
  }
}
