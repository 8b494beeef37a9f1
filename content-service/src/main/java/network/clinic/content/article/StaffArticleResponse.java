package network.clinic.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as its editors see it: any status, with the Markdown source and the version to send back. */
public record StaffArticleResponse(
    String slug,
    ArticleStatus status,
    long version,
    String title,
    String summary,
    String body,
    String html,
    List<String> tags,
    List<String> treatmentIds,
    String author,
    String clinicId,
    List<FaqEntry> faq,
    String metaDescription,
    int readingMinutes,
    LocalDate originallyPublishedOn,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt) {

  public static StaffArticleResponse of(Article a) {
    return new StaffArticleResponse(
        a.slug(),
        a.status(),
        a.version() == null ? 0 : a.version(),
        a.title(),
        a.summary(),
        a.body(),
        a.html(),
        a.tags(),
        a.treatmentIds(),
        a.author(),
        a.clinicId(),
        a.faq(),
        a.metaDescription(),
        a.readingMinutes(),
        a.originallyPublishedOn(),
        a.createdAt(),
        a.updatedAt(),
        a.publishedAt());
  }

  /** The ETag for staff writes: the version, so If-Match can name it. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
