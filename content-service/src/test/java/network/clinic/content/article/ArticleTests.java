package network.clinic.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import network.clinic.content.rendering.RenderedMarkdown;
import org.junit.jupiter.api.Test;

/** What an article derives when an editor leaves fields out, and which times each change moves. */
class ArticleTests {

  private static final Instant MONDAY = Instant.parse("2026-11-16T09:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-11-17T09:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-11-18T09:00:00Z");

  private static final String FIRST_PARAGRAPH =
      "Most people who come to us with lower back pain have had it for months, and many have tried rest, "
          + "stretches and painkillers before they book. In a first session we ask where it hurts, what makes it "
          + "worse and what eases it, then we look closely at how you stand, sit and bend before any needle goes in.";

  @Test
  void withoutASummaryTheFirstRealParagraphIsCutAtAWordAndTheMetaDescriptionFromIt() {
    String text = "Back pain\n" + FIRST_PARAGRAPH + "\nA second paragraph that is never used.";

    Article article = Article.draft("back-pain", null, content(null, null), rendered(text), MONDAY);

    // "Back pain" is too short to stand for the article; the paragraph after it is 301 characters
    assertThat(article.summary()).hasSizeLessThanOrEqualTo(240).endsWith("…").startsWith("Most people who come");
    assertThat(FIRST_PARAGRAPH).startsWith(article.summary().substring(0, article.summary().length() - 1));
    assertThat(FIRST_PARAGRAPH.charAt(article.summary().length() - 1)).as("cut before a space").isEqualTo(' ');
    assertThat(article.metaDescription()).hasSizeLessThanOrEqualTo(160).endsWith("…");
    assertThat(article.summary()).startsWith(article.metaDescription().substring(0, article.metaDescription().length() - 1));
  }

  @Test
  void aGivenSummaryAndMetaDescriptionAreKeptAsWritten() {
    Article article = Article.draft("back-pain", null,
        content("  What a first visit for back pain looks like.  ", "Back pain: your first visit."), rendered(FIRST_PARAGRAPH), MONDAY);

    assertThat(article.summary()).isEqualTo("What a first visit for back pain looks like.");
    assertThat(article.metaDescription()).isEqualTo("Back pain: your first visit.");
  }

  @Test
  void aShortSummaryIsAlsoTheMetaDescriptionUncut() {
    Article article = Article.draft("back-pain", null, content("Needles, heat and what to expect.", null),
        rendered(FIRST_PARAGRAPH), MONDAY);

    assertThat(article.metaDescription()).isEqualTo("Needles, heat and what to expect.");
  }

  @Test
  void everyChangeMovesUpdatedAtWhilePublishedAtStaysAtTheFirstPublication() {
    Article article = Article.draft("back-pain", null, content(null, null), rendered(FIRST_PARAGRAPH), MONDAY);
    assertThat(article.updatedAt()).isEqualTo(MONDAY);
    assertThat(article.publishedAt()).isNull();

    article.publish(TUESDAY);
    article.unpublish(WEDNESDAY);
    assertThat(article.updatedAt()).isEqualTo(WEDNESDAY);

    Instant thursday = WEDNESDAY.plusSeconds(86_400);
    article.revise(content("Revised.", null), rendered(FIRST_PARAGRAPH), thursday);
    article.publish(thursday.plusSeconds(60));
    assertThat(article.updatedAt()).isEqualTo(thursday.plusSeconds(60));
    assertThat(article.publishedAt()).isEqualTo(TUESDAY);
    assertThat(article.createdAt()).isEqualTo(MONDAY);
  }

  private static ArticleContent content(String summary, String metaDescription) {
    return new ArticleContent("Acupuncture for back pain", summary, "(body)", List.of("back-pain"), List.of(), "Mei Chen",
        List.of(), metaDescription, null);
  }

  private static RenderedMarkdown rendered(String text) {
    return new RenderedMarkdown("<p>(body)</p>", text, 2);
  }
}
