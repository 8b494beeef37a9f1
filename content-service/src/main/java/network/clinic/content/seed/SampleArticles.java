package network.clinic.content.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import network.clinic.content.article.ArticleContent;
import network.clinic.content.article.FaqEntry;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The sample articles shipped in {@code seed/sample-articles.yml}. */
final class SampleArticles {

  static final String RESOURCE = "seed/sample-articles.yml";

  record Sample(String slug, Instant publishedAt, ArticleContent content) {}

  private SampleArticles() {}

  static List<Sample> load() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return entries.stream().map(SampleArticles::sample).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sample sample(Map<String, Object> entry) {
    List<FaqEntry> faq = new ArrayList<>();
    StringBuilder body = new StringBuilder(text(entry, "body").strip());
    for (Map<String, Object> item : list(entry, "faq")) {
      FaqEntry question = new FaqEntry(text(item, "q").strip(), text(item, "a").strip());
      faq.add(question);
      // The questions also read as part of the article
      body.append("\n\n### ").append(question.question()).append("\n\n").append(question.answer());
    }
    ArticleContent content =
        new ArticleContent(
            text(entry, "title"),
            text(entry, "summary"),
            body.append('\n').toString(),
            strings(entry, "tags"),
            strings(entry, "treatments"),
            text(entry, "author"),
            faq,
            null,
            null);
    return new Sample(text(entry, "slug"), Instant.parse(text(entry, "publishedAt")), content);
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? List.of() : ((List<Object>) value).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
