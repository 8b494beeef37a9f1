package network.clinic.content.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @Test
  void rendersTheMarkdownAClinicWrites() {
    String html =
        renderer.render(
                """
                ## What to expect

                Your first visit is *longer* than later ones, with **time for questions**.

                - loose clothing
                - a light meal beforehand

                1. assessment
                2. treatment

                > Needles usually stay in for 20–30 minutes.

                Read [our guide](https://clinic.example/guide) or call [020 7946 0000](tel:+442079460000).
                """)
            .html();

    assertThat(html)
        .contains("<h2>What to expect</h2>")
        .contains("<em>longer</em>")
        .contains("<strong>time for questions</strong>")
        .contains("<li>loose clothing</li>")
        .contains("<ol>")
        .contains("<blockquote>")
        .contains("20–30 minutes")
        .contains("href=\"https://clinic.example/guide\"")
        .contains("href=\"tel:&#43;442079460000\"")
        .contains("rel=\"nofollow noopener noreferrer\"");
  }

  @Test
  void keepsHarmlessInlineHtml() {
    assertThat(renderer.render("A <b>bold</b> claim<br>on two lines").html()).contains("<b>bold</b>").contains("<br />");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Text <script src=\"https://evil.example/x.js\"></script> more",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"  javascript:alert(1)\">click</a>",
        "![x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
        "<p onclick=\"alert(1)\">hi</p>",
        "<div onmouseover=alert(1)>hover</div>",
        "<a href=\"https://ok.example\" onfocus=alert(1) autofocus>x</a>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">styled</p>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<base href=\"javascript:/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "\"><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
      })
  void noScriptHandlerOrDangerousUrlSurvives(String payload) {
    String html = renderer.render("Intro paragraph.\n\n" + payload + "\n\nOutro paragraph.").html();
    String lower = html.toLowerCase(Locale.ROOT);

    assertThat(lower)
        .doesNotContain("<script")
        .doesNotContain("javascript:")
        .doesNotContain("vbscript:")
        .doesNotContain("data:")
        .doesNotContain("<svg")
        .doesNotContain("<iframe")
        .doesNotContain("<object")
        .doesNotContain("<embed")
        .doesNotContain("<style")
        .doesNotContain("style=")
        .doesNotContain("<form")
        .doesNotContain("<meta")
        .doesNotContain("<base")
        .doesNotContain("<link")
        .doesNotContain("srcdoc")
        .doesNotContainPattern("\\son[a-z]+\\s*=")
        .contains("intro paragraph.");
  }

  @Test
  void plainTextLeavesOutMarkupAndCountsReadingTime() {
    RenderedMarkdown rendered = renderer.render("# Title\n\nSome *emphasised* words and a [link](https://x.example).");

    assertThat(rendered.text()).isEqualTo("Title\nSome emphasised words and a link.");
    assertThat(rendered.readingMinutes()).isEqualTo(1);
    assertThat(renderer.render("word ".repeat(401)).readingMinutes()).isEqualTo(3);
  }

  @Test
  void typographicQuotesAndNonAsciiTextArePreserved() {
    String html = renderer.render("“Qi” — it’s often called “energy”; 针灸 means acupuncture. Ça va.").html();

    assertThat(html).contains("“Qi”").contains("it’s").contains("针灸").contains("Ça va").contains("—");
  }
}
