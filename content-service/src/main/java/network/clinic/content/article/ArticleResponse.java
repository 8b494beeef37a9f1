package network.clinic.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A published article as a clinic website embeds it: sanitised HTML, no Markdown source. */
record ArticleResponse(
    String slug,
    String title,
    String summary,
    String html,
    List<String> tags,
    List<String> treatmentIds,
    String author,
    String clinicId,
    List<FaqEntry> faq,
    String metaDescription,
    int readingMinutes,
    LocalDate originallyPublishedOn,
    Instant publishedAt,
    Instant updatedAt) {

  static ArticleResponse of(Article a) {
    return new ArticleResponse(
        a.slug(),
        a.title(),
        a.summary(),
        a.html(),
        a.tags(),
        a.treatmentIds(),
        a.author(),
        a.clinicId(),
        a.faq(),
        a.metaDescription(),
        a.readingMinutes(),
        a.originallyPublishedOn(),
        a.publishedAt(),
        a.updatedAt());
  }
}
