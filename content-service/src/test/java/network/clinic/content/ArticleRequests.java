package network.clinic.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Builds staff API request bodies: {@code anArticle().titled("...").tagged("x").json()}. */
public final class ArticleRequests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private ArticleRequests() {
    fields.put("title", "Test article " + unique());
    fields.put("body", "A paragraph about nothing in particular, long enough to be a summary of sorts.");
  }

  public static ArticleRequests anArticle() {
    return new ArticleRequests();
  }

  /** A random word of letters (so it is also one search term), for slugs, tags and titles that never collide. */
  public static String unique() {
    StringBuilder word = new StringBuilder();
    for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
      word.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return word.toString();
  }

  public ArticleRequests titled(String title) {
    fields.put("title", title);
    return this;
  }

  public ArticleRequests withSlug(String slug) {
    fields.put("slug", slug);
    return this;
  }

  public ArticleRequests withBody(String markdown) {
    fields.put("body", markdown);
    return this;
  }

  public ArticleRequests withSummary(String summary) {
    fields.put("summary", summary);
    return this;
  }

  public ArticleRequests tagged(String... tags) {
    fields.put("tags", List.of(tags));
    return this;
  }

  public ArticleRequests linkedTo(String... treatmentIds) {
    fields.put("treatmentIds", List.of(treatmentIds));
    return this;
  }

  public ArticleRequests forClinic(String clinicId) {
    fields.put("clinicId", clinicId);
    return this;
  }

  public ArticleRequests withFaq(String question, String answer) {
    @SuppressWarnings("unchecked")
    List<Map<String, String>> faq = (List<Map<String, String>>) fields.computeIfAbsent("faq", k -> new ArrayList<>());
    faq.add(Map.of("question", question, "answer", answer));
    return this;
  }

  public ArticleRequests atVersion(long version) {
    fields.put("version", version);
    return this;
  }

  public ArticleRequests with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public String title() {
    return (String) fields.get("title");
  }

  public String json() {
    return JSON.writeValueAsString(fields);
  }
}
