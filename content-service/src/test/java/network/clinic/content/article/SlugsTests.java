package network.clinic.content.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

  @Test
  void titlesBecomeReadableAsciiSlugs() {
    assertThat(Slugs.fromTitle("Acupuncture & Back Pain: What “Evidence” Says")).isEqualTo("acupuncture-back-pain-what-evidence-says");
    assertThat(Slugs.fromTitle("Akupunktur für Rückenschmerzen – Straße")).isEqualTo("akupunktur-fur-ruckenschmerzen-strasse");
    assertThat(Slugs.fromTitle("  Cupping: what it is!  ")).isEqualTo("cupping-what-it-is");
  }

  @Test
  void longTitlesAreCutAtAWordBoundary() {
    String slug = Slugs.fromTitle("word ".repeat(40));

    assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_SLUG_LENGTH);
    assertThat(slug).doesNotEndWith("-").endsWith("word");
    assertThat(Slugs.isValidSlug(slug)).isTrue();
  }

  @Test
  void titlesWithoutLatinLettersGetAStableHashSlug() {
    assertThat(Slugs.fromTitle("针灸与睡眠")).matches("article-[0-9a-f]{10}").isEqualTo(Slugs.fromTitle("针灸与睡眠"));
    assertThat(Slugs.fromTitle("针灸与睡眠")).isNotEqualTo(Slugs.fromTitle("拔罐"));
  }

  @Test
  void tagsKeepLettersOfAnyScript() {
    assertThat(Slugs.tag(" Back Pain ")).isEqualTo("back-pain");
    assertThat(Slugs.tag("Schlaf & Ruhe")).isEqualTo("schlaf-ruhe");
    assertThat(Slugs.tag("睡眠")).isEqualTo("睡眠");
    assertThat(Slugs.isValidTag(Slugs.tag("!!!"))).isFalse();
  }

  @Test
  void slugValidation() {
    assertThat(Slugs.isValidSlug("a-b-1")).isTrue();
    assertThat(Slugs.isValidSlug("A-b")).isFalse();
    assertThat(Slugs.isValidSlug("a--b")).isFalse();
    assertThat(Slugs.isValidSlug("a".repeat(97))).isFalse();
    assertThat(Slugs.isValidSlug(null)).isFalse();
  }
}
