package network.clinic.content.importing;

import static network.clinic.content.ArticleRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import network.clinic.content.ContentScenarios;
import network.clinic.content.StaffTokens;
import network.clinic.content.article.ArticleChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/v1/articles/import with the realistic documents in src/test/resources/imports. */
public abstract class ImportScenarios extends ContentScenarios {

  private static final String ADMIN = StaffTokens.networkAdmin();
  private static final String CAMDEN = StaffTokens.staffOf("london-camden");
  private static final String PROBLEM = "https://clinic.network/problems/";
  private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
  private static final MediaType PLAIN = MediaType.parseMediaType("text/plain;charset=UTF-8");

  @Autowired ArticleChanges changes;
  @Autowired MeterRegistry meters;

  @Test
  void aBlogPostBecomesADraftWithAReport() throws Exception {
    double createdBefore = imports("created");
    String document = uniqueTitle(document("camden-back-pain.txt"));

    importAs(CAMDEN, PLAIN, document, "treatmentId=initial-consultation&treatmentId=follow-up")
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
        .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/staff/articles/acupuncture-and-lower-back-pain")))
        .andExpect(jsonPath("$.created").value(true))
        .andExpect(jsonPath("$.article.status").value("DRAFT"))
        .andExpect(jsonPath("$.article.clinicId").value("london-camden"))
        .andExpect(jsonPath("$.article.author").value("Dr. Mei Lin"))
        .andExpect(jsonPath("$.article.originallyPublishedOn").value("2017-11-16"))
        .andExpect(jsonPath("$.article.tags", hasSize(2)))
        .andExpect(jsonPath("$.article.treatmentIds[1]").value("follow-up"))
        .andExpect(jsonPath("$.article.summary").value(containsString("Lower back pain is the reason")))
        .andExpect(jsonPath("$.article.html").value(containsString("<h2>How can acupuncture help?</h2>")))
        .andExpect(jsonPath("$.article.html").value(containsString("020 7946 0123")))
        .andExpect(jsonPath("$.article.html").value(not(containsString("Leave a Reply"))))
        .andExpect(jsonPath("$.report.headings", hasSize(2)))
        .andExpect(jsonPath("$.report.bulletItems").value(3))
        .andExpect(jsonPath("$.report.numberedItems").value(3))
        .andExpect(jsonPath("$.report.droppedLines[0]").value("Share this:"));

    assertThat(imports("created")).isEqualTo(createdBefore + 1);
  }

  @Test
  void importingTheSameTitleAgainUpdatesInsteadOfDuplicating() throws Exception {
    String document = uniqueTitle(document("richmond-faq.txt"));
    String slug = slugOf(importAs(ADMIN, PLAIN, document, "").andExpect(status().isCreated()));
    double updatedBefore = imports("updated");

    importAs(ADMIN, PLAIN, document.replace("Loose clothing", "Comfortable, loose clothing"), "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false))
        .andExpect(jsonPath("$.article.status").value("DRAFT"))
        .andExpect(jsonPath("$.report.warnings", not(hasItem(containsString("published")))))
        .andExpect(jsonPath("$.article.slug").value(slug))
        .andExpect(jsonPath("$.article.version").value(1))
        .andExpect(jsonPath("$.article.faq", hasSize(4)))
        .andExpect(jsonPath("$.article.faq[3].answer").value(containsString("Comfortable, loose clothing")));

    mvc.perform(get("/api/v1/staff/articles").header(HttpHeaders.AUTHORIZATION, ADMIN).param("limit", "100"))
        .andExpect(jsonPath("$[?(@.slug == '" + slug + "')]", hasSize(1)));
    assertThat(imports("updated")).isEqualTo(updatedBefore + 1);
  }

  @Test
  void reimportingAPublishedArticleUpdatesItLiveKeepsItPublishedAndSaysSo() throws Exception {
    // The clinic corrected the post on its blog: the article on its websites follows, without
    // going offline in between; the report makes sure staff know the change is live
    String document = uniqueTitle(document("richmond-faq.txt"));
    String slug = slugOf(importAs(ADMIN, PLAIN, document, "").andExpect(status().isCreated()));
    publish(ADMIN, slug);
    String publishedAt = JsonPath.read(mvc.perform(get("/api/v1/articles/{slug}", slug)).andReturn().getResponse().getContentAsString(), "$.publishedAt");

    importAs(ADMIN, PLAIN, document.replace("Loose clothing", "Comfortable, loose clothing"), "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(false))
        .andExpect(jsonPath("$.article.status").value("PUBLISHED"))
        .andExpect(jsonPath("$.report.warnings", hasItem(containsString("The article is published"))));

    mvc.perform(get("/api/v1/articles/{slug}", slug))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.publishedAt").value(publishedAt))
        .andExpect(jsonPath("$.faq[3].answer").value(containsString("Comfortable, loose clothing")));
  }

  @Test
  void clinicStaffCannotImportForAnotherClinic() throws Exception {
    double rejectedBefore = imports("rejected");
    String document = uniqueTitle(document("no-byline.txt"));

    assertNothingWritten(
        () ->
            importAs(CAMDEN, PLAIN, document, "clinicId=toronto-annex")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "forbidden")));
    assertThat(imports("rejected")).isEqualTo(rejectedBefore + 1);
    // No Toronto article took the title's slug: Camden's own import of it is new
    importAs(CAMDEN, PLAIN, document, "").andExpect(status().isCreated()).andExpect(jsonPath("$.article.clinicId").value("london-camden"));
  }

  @Test
  void concurrentImportsOfOnePostAreEachCountedOnceRefusedOnesToo() throws Exception {
    // Racing on one new title: one inserts, the others update it or lose to it (a duplicate slug
    // or a changed version, answered 409 by ProblemHandling); every attempt counts once
    String document = uniqueTitle(document("no-byline.txt"));
    double before = imports("created") + imports("updated") + imports("rejected");
    double rejectedBefore = imports("rejected");
    int attempts = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
      for (int i = 0; i < attempts; i++) {
        statuses.add(pool.submit(() -> {
          start.await();
          return importAs(ADMIN, PLAIN, document, "").andReturn().getResponse().getStatus();
        }));
      }
      start.countDown();
      List<Integer> answered = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        answered.add(status.get(30, TimeUnit.SECONDS));
      }

      assertThat(answered).containsOnly(201, 200, 409).containsOnlyOnce(201);
      assertThat(imports("created") + imports("updated") + imports("rejected")).isEqualTo(before + attempts);
      assertThat(imports("rejected")).isEqualTo(rejectedBefore + answered.stream().filter(s -> s == 409).count());
    }
  }

  @Test
  void anImportedMarkdownPostIsSafeAndSearchableOncePublished() throws Exception {
    String word = unique();
    String document = document("toronto-cupping.md").replace("Cupping has been used for centuries.", "Cupping has been used for centuries. " + word);
    String slug = slugOf(importAs(StaffTokens.staffOf("toronto-annex"), MARKDOWN, uniqueTitle(document), "treatmentId=cupping").andExpect(status().isCreated()));

    mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isNotFound());
    publish(StaffTokens.staffOf("toronto-annex"), slug);

    mvc.perform(get("/api/v1/articles/{slug}", slug))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.html").value(containsString("<strong>silicone and glass cups</strong>")))
        .andExpect(jsonPath("$.html").value(not(containsString("<script"))))
        .andExpect(jsonPath("$.author").value("Sarah O’Neill"));
    mvc.perform(get("/api/v1/articles").param("q", word).param("clinicId", "toronto-annex")).andExpect(jsonPath("$.items[0].slug").value(slug));
  }

  @Test
  void anotherClinicsArticleIsNeverOverwrittenByAnImport() throws Exception {
    String document = uniqueTitle(document("no-byline.txt"));
    importAs(CAMDEN, PLAIN, document, "").andExpect(status().isCreated());

    assertNothingWritten(
        () ->
            importAs(StaffTokens.staffOf("toronto-annex"), PLAIN, document, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "slug-taken")));
  }

  @Test
  void badDocumentsAreRefusedAndWriteNothing() throws Exception {
    double rejectedBefore = imports("rejected");

    assertNothingWritten(
        () -> {
          importAs(ADMIN, PLAIN, "  \n \n", "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value(PROBLEM + "invalid-document"));
          importAs(ADMIN, PLAIN, "Only a title\n\nLeave a Reply\n", "").andExpect(status().isBadRequest());
          importAs(ADMIN, PLAIN, "Title\n\nText", "clinicId=Not%20An%20Id").andExpect(status().isBadRequest());
          mvc.perform(post("/api/v1/articles/import").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(PLAIN).content(new byte[] {'T', '\n', '\n', (byte) 0xC3, (byte) 0x28}))
              .andExpect(status().isBadRequest())
              .andExpect(jsonPath("$.detail").value(containsString("UTF-8")));
          mvc.perform(post("/api/v1/articles/import").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(PLAIN))
              .andExpect(status().isBadRequest())
              .andExpect(jsonPath("$.type").value(PROBLEM + "malformed-request"));
          mvc.perform(post("/api/v1/articles/import").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
              .andExpect(status().isUnsupportedMediaType())
              .andExpect(jsonPath("$.type").value(PROBLEM + "unsupported-media-type"));
          importAs(ADMIN, PLAIN, "Title\n\n" + "word ".repeat(60_000), "")
              .andExpect(status().isPayloadTooLarge())
              .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
          mvc.perform(post("/api/v1/articles/import").contentType(PLAIN).content("Title\n\nText")).andExpect(status().isUnauthorized());
        });
    assertThat(imports("rejected")).isEqualTo(rejectedBefore + 4);
  }

  private ResultActions importAs(String token, MediaType type, String document, String query) throws Exception {
    return mvc.perform(
        post("/api/v1/articles/import" + (query.isEmpty() ? "" : "?" + query))
            .header(HttpHeaders.AUTHORIZATION, token)
            .contentType(type)
            .content(document.getBytes(StandardCharsets.UTF_8)));
  }

  private static String slugOf(ResultActions result) throws Exception {
    return com.jayway.jsonpath.JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.article.slug");
  }

  /** The documents share titles across runs and classes: make each use its own. */
  private static String uniqueTitle(String document) {
    int end = document.indexOf('\n', document.indexOf(document.strip().charAt(0)));
    return document.substring(0, end) + " " + unique() + document.substring(end);
  }

  private double imports(String outcome) {
    Counter counter = meters.find("content.imports").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  interface Action {
    void run() throws Exception;
  }

  private void assertNothingWritten(Action action) throws Exception {
    long before = changes.current();
    action.run();
    assertThat(changes.current()).as("article writes").isEqualTo(before);
  }

  private static String document(String name) {
    try (InputStream in = ImportScenarios.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
