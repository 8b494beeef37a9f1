package network.clinic.content.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import network.clinic.content.article.FaqEntry;
import network.clinic.content.rendering.MarkdownRenderer;
import org.junit.jupiter.api.Test;

class BlogPostImporterTests {

  private final BlogPostImporter importer = new BlogPostImporter();
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void plainTextPostWithBylineHeadingsListsAndBoilerplate() {
    ImportedPost post = importer.parse(document("camden-back-pain.txt"), false);
    ImportReport report = post.report();

    assertThat(post.title()).isEqualTo("Acupuncture and Lower Back Pain: What Our Patients Ask");
    assertThat(report.slug()).isEqualTo("acupuncture-and-lower-back-pain-what-our-patients-ask");
    assertThat(post.author()).isEqualTo("Dr. Mei Lin");
    assertThat(post.publishedOn()).isEqualTo(LocalDate.of(2017, 11, 16));
    assertThat(post.tags()).containsExactly("back-pain", "acupuncture");
    assertThat(report.warnings()).anyMatch(w -> w.contains("Uncategorized"));
    assertThat(report.headings()).containsExactly("How can acupuncture help?", "What happens at your first visit");
    assertThat(report.bulletItems()).isEqualTo(3);
    assertThat(report.numberedItems()).isEqualTo(3);
    assertThat(report.droppedLines())
        .startsWith("Share this:")
        .contains("Leave a Reply", "Post Comment")
        .hasSize(11);

    String html = renderer.render(post.markdown()).html();
    assertThat(html)
        .contains("<h2>How can acupuncture help?</h2>")
        .contains("<h2>What happens at your first visit</h2>")
        .contains("<li>Treatment in the same session – needles usually stay in for 20–30 minutes while you rest</li>")
        .contains("<ol>")
        .contains("<li>An initial consultation (60 minutes)</li>")
        .contains("<p>Our usual plan looks like this:</p>")
        .contains("“just rest”")
        .contains("we’d rather")
        .contains("Call us on 020 7946 0123 to book")
        .contains("Disclaimer: this article is general information")
        .contains("Prices &amp; availability may change; 5 * 2 sessions")
        .doesNotContain("Leave a Reply")
        .doesNotContain("Share this")
        .doesNotContain("By Dr. Mei Lin");
  }

  @Test
  void questionAndAnswerPairsBecomeFaqEntriesAndStayInTheText() {
    ImportedPost post = importer.parse(document("richmond-faq.txt"), false);

    assertThat(post.title()).isEqualTo("Your Questions About Acupuncture – Answered");
    assertThat(post.report().slug()).isEqualTo("your-questions-about-acupuncture-answered");
    assertThat(post.author()).isEqualTo("Richmond Acupuncture Clinic");
    assertThat(post.publishedOn()).isEqualTo(LocalDate.of(2019, 3, 3));
    assertThat(post.faq())
        .extracting(FaqEntry::question)
        .containsExactly("Does it hurt?", "How many sessions will I need?", "Can I drive home afterwards?", "What should I wear?");
    assertThat(post.faq().getFirst().answer())
        .isEqualTo("Most people feel a small prick, then a dull ache or warmth. It shouldn’t be sharp – tell us if it is and we’ll adjust the needle.");
    assertThat(post.faq().get(2).answer()).startsWith("Yes, though a few people feel sleepy");
    assertThat(post.report().faqEntries()).isEqualTo(4);
    assertThat(post.report().droppedLines())
        .containsExactly("Related Posts:", "Acupuncture for Headaches", "Why We Use Single-Use Needles", "← Previous Post", "Next Post →");
    assertThat(post.markdown()).contains("**Does it hurt?**").contains("Ring the clinic on 020 8940 0000");
    assertThat(post.report().headings()).isEmpty();
  }

  @Test
  void markdownKeepsItsFormattingAndFencedCode() {
    ImportedPost post = importer.parse(document("toronto-cupping.md"), true);

    assertThat(post.title()).isEqualTo("Cupping Therapy at the Annex");
    assertThat(post.author()).isEqualTo("Sarah O’Neill");
    assertThat(post.publishedOn()).isEqualTo(LocalDate.of(2021, 6, 5));
    assertThat(post.tags()).containsExactly("cupping", "wellness");
    assertThat(post.report().headings()).containsExactly("What does it feel like?", "Before your appointment");
    assertThat(post.report().bulletItems()).isEqualTo(3);
    assertThat(post.report().numberedItems()).isEqualTo(2);
    assertThat(post.report().droppedLines()).containsExactly("Share this post", "Facebook", "Pinterest");

    String html = renderer.render(post.markdown()).html();
    assertThat(html)
        .contains("<strong>silicone and glass cups</strong>")
        .contains("<em>pulling</em>")
        .contains("<h2>What does it feel like?</h2>")
        .contains("<li>Wear something loose</li>")
        .contains("href=\"https://annex-clinic.example/cupping\"")
        .contains("Opening hours: Mon–Fri 9:00–18:00")
        .doesNotContain("<script")
        .doesNotContain("alert(");
  }

  @Test
  void nonLatinTitlesAndTextArePreserved() {
    ImportedPost post = importer.parse(document("unicode-sleep.txt"), false);

    assertThat(post.title()).isEqualTo("针灸与睡眠");
    assertThat(post.report().slug()).matches("article-[0-9a-f]{10}");
    assertThat(importer.parse(document("unicode-sleep.txt"), false).report().slug()).isEqualTo(post.report().slug());
    assertThat(post.author()).isEqualTo("王医生");
    assertThat(post.publishedOn()).isEqualTo(LocalDate.of(2020, 1, 5));
    assertThat(post.tags()).containsExactly("睡眠", "schlaf-ruhe");
    assertThat(post.markdown()).contains("很多患者告诉我们，针灸后他们感到放松。");
    // The sanitiser writes the full-width comma as a character reference: the same text in HTML
    assertThat(renderer.render(post.markdown()).html())
        .contains("很多患者告诉我们&#xff0c;针灸后他们感到放松。")
        .contains("«c’est très calme»")
        .contains("Naïve")
        .contains("Öffnungszeiten: Montag–Freitag.");
  }

  @Test
  void postWithoutBylineIsImportedWithAWarning() {
    ImportedPost post = importer.parse(document("no-byline.txt"), false);

    assertThat(post.title()).isEqualTo("Five Tips for Sitting Well at Work");
    assertThat(post.author()).isNull();
    assertThat(post.publishedOn()).isNull();
    assertThat(post.tags()).isEmpty();
    assertThat(post.report().warnings()).anyMatch(w -> w.startsWith("No byline"));
    assertThat(post.report().bulletItems()).isEqualTo(3);
    assertThat(post.report().paragraphs()).isEqualTo(2);
    assertThat(post.report().droppedLines()).isEmpty();
    assertThat(post.markdown()).contains("Questions? Just ask at your next appointment.");
  }

  @Test
  void plainTextMarkupCharactersStayCharacters() {
    ImportedPost post = importer.parse("Title\n\nUse <b>tags</b>, *stars* and [brackets](x) & more_here.\n", false);

    assertThat(renderer.render(post.markdown()).html())
        .contains("Use &lt;b&gt;tags&lt;/b&gt;, *stars* and [brackets](x) &amp; more_here.")
        .doesNotContain("<b>")
        .doesNotContain("<em>")
        .doesNotContain("<a ");
  }

  @Test
  void bylinesComeInMany() {
    assertThat(BlogPostImporter.parseByline("By Jane Doe | November 16, 2017 | Pain Relief, Sleep"))
        .hasValueSatisfying(
            b -> {
              assertThat(b.author()).isEqualTo("Jane Doe");
              assertThat(b.date()).isEqualTo(LocalDate.of(2017, 11, 16));
              assertThat(b.tags()).containsExactly("pain-relief", "sleep");
            });
    assertThat(BlogPostImporter.parseByline("Nov 16, 2017 | By Jane Doe")).hasValueSatisfying(b -> assertThat(b.author()).isEqualTo("Jane Doe"));
    assertThat(BlogPostImporter.parseByline("By Jane Doe on Sept 3rd, 2019"))
        .hasValueSatisfying(b -> assertThat(b.date()).isEqualTo(LocalDate.of(2019, 9, 3)));
    assertThat(BlogPostImporter.parseByline("16 November 2017")).hasValueSatisfying(b -> assertThat(b.author()).isNull());
    assertThat(BlogPostImporter.parseByline("By Jane Doe | Nov. 16, 2017 | Posted in Cupping"))
        .hasValueSatisfying(b -> assertThat(b.tags()).containsExactly("cupping"));
    assertThat(BlogPostImporter.parseByline("Acupuncture | Camden")).isEmpty();
    assertThat(BlogPostImporter.parseByline("Lower back pain affects most adults at some point.")).isEmpty();
  }

  @Test
  void boilerplateInTheMiddleIsKeptWhenNotFollowedByFurnitureOnly() {
    List<String> body =
        new ArrayList<>(List.of("First paragraph.", "", "Email", "", "Write to us any time.", "", "Facebook", "Twitter", ""));

    List<String> dropped = BlogPostImporter.dropTrailingBoilerplate(body);

    assertThat(dropped).containsExactly("Facebook", "Twitter");
    assertThat(body).containsExactly("First paragraph.", "", "Email", "", "Write to us any time.");
  }

  @Test
  void emptyDocumentsAndTitlesWithoutTextAreRefused() {
    assertThatThrownBy(() -> importer.parse("  \n\n \n", false)).isInstanceOf(InvalidDocumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> importer.parse("Just a title\n\nLeave a Reply\nName *\n", false))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("no text");
    assertThatThrownBy(() -> importer.parse("T".repeat(201) + "\n\nBody.", false)).isInstanceOf(InvalidDocumentException.class);
  }

  @Test
  void windowsLineEndsTabsAndByteOrderMarkAreHandled() {
    ImportedPost post = importer.parse("\uFEFFTitle here\r\nBy Ann | Jan 2, 2020\r\n\r\nText.\r\n\r\n\t1. one\r\n\t2. two\r\n", false);

    assertThat(post.title()).isEqualTo("Title here");
    assertThat(post.author()).isEqualTo("Ann");
    assertThat(post.report().numberedItems()).isEqualTo(2);
  }

  private static String document(String name) {
    try (InputStream in = BlogPostImporterTests.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
