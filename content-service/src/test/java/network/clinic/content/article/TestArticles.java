package network.clinic.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import network.clinic.content.rendering.MarkdownRenderer;
import org.springframework.test.util.ReflectionTestUtils;

/** Article documents for unit tests that need one without MongoDB: {@code aPublishedArticle().titled("x").build()}. */
public final class TestArticles {

  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  private String title = "An article";
  private String body = "Some text.";
  private String summary;
  private List<String> tags = List.of();
  private List<String> treatments = List.of();
  private final List<FaqEntry> faq = new ArrayList<>();
  private String clinicId;
  private boolean published = true;
  private long version;
  private String id = UUID.randomUUID().toString();

  private TestArticles() {}

  public static TestArticles aPublishedArticle() {
    return new TestArticles();
  }

  public TestArticles titled(String title) {
    this.title = title;
    return this;
  }

  public TestArticles withBody(String body) {
    this.body = body;
    return this;
  }

  public TestArticles withSummary(String summary) {
    this.summary = summary;
    return this;
  }

  public TestArticles tagged(String... tags) {
    this.tags = List.of(tags);
    return this;
  }

  public TestArticles linkedTo(String... treatments) {
    this.treatments = List.of(treatments);
    return this;
  }

  public TestArticles withFaq(String question, String answer) {
    faq.add(new FaqEntry(question, answer));
    return this;
  }

  public TestArticles forClinic(String clinicId) {
    this.clinicId = clinicId;
    return this;
  }

  public TestArticles asDraft() {
    this.published = false;
    return this;
  }

  public TestArticles withId(String id) {
    this.id = id;
    return this;
  }

  public TestArticles atVersion(long version) {
    this.version = version;
    return this;
  }

  public Article build() {
    ArticleContent content = new ArticleContent(title, summary, body, tags, treatments, null, faq, null, null);
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    Article article = Article.draft(Slugs.fromTitle(title), clinicId, content, RENDERER.render(body), now);
    if (published) {
      article.publish(now);
    }
    ReflectionTestUtils.setField(article, "id", id);
    ReflectionTestUtils.setField(article, "version", version);
    return article;
  }

  /** The same article (same id) at a later version, e.g. unpublished. */
  public static Article unpublished(Article article) {
    article.unpublish(Instant.parse("2026-03-02T10:00:00Z"));
    ReflectionTestUtils.setField(article, "version", article.version() + 1);
    return article;
  }
}
