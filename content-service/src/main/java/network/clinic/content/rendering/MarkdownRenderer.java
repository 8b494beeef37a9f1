package network.clinic.content.rendering;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML that clinic websites can embed as it is. CommonMark renders (with its own URL
 * sanitising for Markdown links), then an allow-list policy removes everything not listed: raw
 * HTML written into the Markdown goes through the same policy, so a {@code <b>} survives and a
 * {@code <script>}, an event handler, a {@code javascript:} or {@code data:} URL never does.
 */
@Component
public class MarkdownRenderer {

  private static final int WORDS_PER_MINUTE = 200;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
              "code", "em", "strong", "b", "i", "del", "s", "sub", "sup", "a", "img")
          .allowUrlProtocols("https", "http", "mailto", "tel")
          .allowAttributes("href", "title").onElements("a")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .allowAttributes("src", "alt", "title").onElements("img")
          .allowAttributes("start").matching(Pattern.compile("\\d{1,4}")).onElements("ol")
          .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,32}")).onElements("code")
          .toFactory();

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer html =
      HtmlRenderer.builder()
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
          .build();

  public RenderedMarkdown render(String markdown) {
    Node document = parser.parse(markdown == null ? "" : markdown);
    String safeHtml = POLICY.sanitize(html.render(document));
    String plain = plainText(document);
    return new RenderedMarkdown(safeHtml, plain, readingMinutes(plain));
  }

  /** The words of a Markdown snippet without any markup (summaries, FAQ answers). */
  public String plainText(String markdown) {
    return plainText(parser.parse(markdown == null ? "" : markdown));
  }

  /** Text and code only: link targets and raw HTML are not words a reader sees. */
  private static String plainText(Node document) {
    StringBuilder out = new StringBuilder();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            out.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
          }

          @Override
          public void visit(HardLineBreak hardLineBreak) {
            out.append(' ');
          }

          @Override
          public void visit(FencedCodeBlock codeBlock) {
            out.append(codeBlock.getLiteral()).append('\n');
          }

          @Override
          public void visit(IndentedCodeBlock codeBlock) {
            out.append(codeBlock.getLiteral()).append('\n');
          }

          @Override
          protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
              out.append('\n');
            }
          }
        });
    return out.toString().strip();
  }

  static int readingMinutes(String plain) {
    long words = WORD.matcher(plain).results().count();
    return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  }
}
