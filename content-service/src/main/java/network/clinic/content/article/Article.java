package network.clinic.content.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import network.clinic.content.rendering.RenderedMarkdown;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article as stored in MongoDB. The rendered, sanitised HTML is stored with the Markdown so
 * public reads never render; {@code version} guards every change against lost updates.
 */
@Document(Article.COLLECTION)
public class Article {

  static final String COLLECTION = "articles";
  private static final int SUMMARY_LENGTH = 240;
  private static final int META_DESCRIPTION_LENGTH = 160;

  @Id private String id;
  private String slug;
  private String title;
  private String summary;
  private String body;
  private String html;
  private List<String> tags;
  private List<String> treatmentIds;
  private String author;
  /** Null for network-wide articles. */
  private String clinicId;
  private ArticleStatus status;
  private List<FaqEntry> faq;
  private String metaDescription;
  private int readingMinutes;
  /** ISO date text: a LocalDate would be stored as a midnight in the server's time zone. */
  private String originallyPublishedOn;
  private Instant createdAt;
  private Instant updatedAt;
  /** First publication here; kept through unpublish and republish so list order stays put. */
  private Instant publishedAt;
  @Version private Long version;

  Article() {}

  static Article draft(String slug, String clinicId, ArticleContent content, RenderedMarkdown rendered, Instant now) {
    Article article = new Article();
    article.slug = slug;
    article.clinicId = clinicId;
    article.status = ArticleStatus.DRAFT;
    article.createdAt = now;
    article.revise(content, rendered, now);
    return article;
  }

  void revise(ArticleContent content, RenderedMarkdown rendered, Instant now) {
    title = content.title().strip();
    body = content.body();
    html = rendered.html();
    readingMinutes = rendered.readingMinutes();
    summary = isBlank(content.summary()) ? abbreviate(firstParagraph(rendered.text()), SUMMARY_LENGTH) : content.summary().strip();
    metaDescription =
        isBlank(content.metaDescription()) ? abbreviate(summary, META_DESCRIPTION_LENGTH) : content.metaDescription().strip();
    tags = content.tags();
    treatmentIds = content.treatmentIds();
    author = isBlank(content.author()) ? null : content.author().strip();
    faq = content.faq();
    originallyPublishedOn = content.originallyPublishedOn() == null ? null : content.originallyPublishedOn().toString();
    updatedAt = now;
  }

  void publish(Instant now) {
    status = ArticleStatus.PUBLISHED;
    if (publishedAt == null) {
      publishedAt = now;
    }
    updatedAt = now;
  }

  /** Sample articles carry their own publication time so their order is fixed. */
  void publishAt(Instant publicationTime, Instant now) {
    status = ArticleStatus.PUBLISHED;
    publishedAt = publicationTime;
    updatedAt = now;
  }

  void unpublish(Instant now) {
    status = ArticleStatus.DRAFT;
    updatedAt = now;
  }

  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  public boolean isNetworkWide() {
    return clinicId == null;
  }

  public String id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public String body() {
    return body;
  }

  public String html() {
    return html;
  }

  public List<String> tags() {
    return tags == null ? List.of() : tags;
  }

  public List<String> treatmentIds() {
    return treatmentIds == null ? List.of() : treatmentIds;
  }

  public String author() {
    return author;
  }

  public String clinicId() {
    return clinicId;
  }

  public ArticleStatus status() {
    return status;
  }

  public List<FaqEntry> faq() {
    return faq == null ? List.of() : faq;
  }

  public String metaDescription() {
    return metaDescription;
  }

  public int readingMinutes() {
    return readingMinutes;
  }

  public LocalDate originallyPublishedOn() {
    return originallyPublishedOn == null ? null : LocalDate.parse(originallyPublishedOn);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Long version() {
    return version;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String firstParagraph(String text) {
    for (String paragraph : text.split("\n")) {
      if (paragraph.strip().length() > 40) {
        return paragraph.strip();
      }
    }
    return text.strip();
  }

  /** Cuts at a word boundary and marks the cut. */
  static String abbreviate(String text, int max) {
    String value = text.replaceAll("\\s+", " ").strip();
    if (value.length() <= max) {
      return value;
    }
    int cut = value.lastIndexOf(' ', max - 1);
    return value.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
  }
}
