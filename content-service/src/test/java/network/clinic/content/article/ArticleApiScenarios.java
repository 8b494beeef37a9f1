package network.clinic.content.article;

import static network.clinic.content.ArticleRequests.anArticle;
import static network.clinic.content.ArticleRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import network.clinic.content.ArticleRequests;
import network.clinic.content.ContentScenarios;
import network.clinic.content.StaffTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** The public and staff article APIs, end to end on real MongoDB (wire server or image). */
public abstract class ArticleApiScenarios extends ContentScenarios {

  private static final String ADMIN = StaffTokens.networkAdmin();
  private static final String CAMDEN = StaffTokens.staffOf("london-camden");
  private static final String TORONTO = StaffTokens.staffOf("toronto-annex");
  private static final String PROBLEM = "https://clinic.network/problems/";

  @Autowired ArticleChanges changes;
  @Autowired PublishedArticleCache cache;
  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  // ---- publishing and public reads ---------------------------------------------------------

  @Test
  void draftIsHiddenUntilPublishedAndRenderedSafelyThen() throws Exception {
    String slug =
        create(
            ADMIN,
            anArticle()
                .titled("Sleep and acupuncture " + unique())
                .withBody("## Rest\n\nSleep <script>alert(1)</script> matters. [More](javascript:alert(1))")
                .tagged("Sleep", "wellbeing")
                .linkedTo("follow-up")
                .withFaq("Will I feel sleepy?", "Some people feel relaxed afterwards."));

    mvc.perform(get("/api/v1/articles/{slug}", slug))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(PROBLEM + "article-not-found"));

    publish(ADMIN, slug);

    mvc.perform(get("/api/v1/articles/{slug}", slug))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.slug").value(slug))
        .andExpect(jsonPath("$.html").value(containsString("<h2>Rest</h2>")))
        .andExpect(jsonPath("$.html").value(not(containsString("<script"))))
        .andExpect(jsonPath("$.html").value(not(containsString("javascript:"))))
        .andExpect(jsonPath("$.tags[0]").value("sleep"))
        .andExpect(jsonPath("$.treatmentIds[0]").value("follow-up"))
        .andExpect(jsonPath("$.faq[0].question").value("Will I feel sleepy?"))
        .andExpect(jsonPath("$.clinicId").value(nullValue()))
        .andExpect(jsonPath("$.readingMinutes").value(1))
        .andExpect(jsonPath("$.publishedAt").isNotEmpty())
        .andExpect(jsonPath("$.body").doesNotExist())
        .andExpect(header().exists(HttpHeaders.ETAG))
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=60")))
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("public")));
  }

  @Test
  void unpublishedArticleIsNotFoundAgain() throws Exception {
    String slug = createPublished(ADMIN, anArticle());
    mvc.perform(post("/api/v1/articles/{slug}/unpublish", slug).header(HttpHeaders.AUTHORIZATION, ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DRAFT"));

    mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isNotFound());
  }

  @Test
  void conditionalGetAnswers304UntilTheArticleChanges() throws Exception {
    String slug = createPublished(ADMIN, anArticle());
    String etag = mvc.perform(get("/api/v1/articles/{slug}", slug)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
    double notModifiedBefore = readCount("article", "not_modified");

    mvc.perform(get("/api/v1/articles/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, etag))
        .andExpect(status().isNotModified())
        .andExpect(header().string(HttpHeaders.ETAG, etag))
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, allOf(containsString("public"), containsString("max-age=60"))))
        .andExpect(content().string(""));
    mvc.perform(get("/api/v1/articles/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, "W/" + etag))
        .andExpect(status().isNotModified());
    assertThat(readCount("article", "not_modified")).isEqualTo(notModifiedBefore + 2);

    long version = staffVersion(slug);
    mvc.perform(
            put("/api/v1/articles/{slug}", slug)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(anArticle().titled("A new title " + unique()).json()))
        .andExpect(status().isOk());

    mvc.perform(get("/api/v1/articles/{slug}", slug).header(HttpHeaders.IF_NONE_MATCH, etag))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, not(etag)));
  }

  @Test
  void anArticleChangedOnAnotherInstanceIsServedFreshWithinThePollInterval() throws Exception {
    String slug = createPublished(ADMIN, anArticle().titled("Cached on this instance " + unique()));
    // The poll also drops everything once it sees this test's own write on the counter: wait for
    // that first, or it could drop the entry under the stale read below
    long written = changes.current();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> cache.hasSeen(written));
    mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isOk());
    double hitsBefore = cacheGets("hit");

    // Another instance writes the article, then moves the change counter; this one hears of it
    // from the counter only
    String newTitle = "Changed elsewhere " + unique();
    mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)), new Update().set("title", newTitle), Article.COLLECTION);
    mvc.perform(get("/api/v1/articles/{slug}", slug))
        .andExpect(jsonPath("$.title").value(not(newTitle)));
    assertThat(cacheGets("hit")).as("served from memory until the counter moves").isEqualTo(hitsBefore + 1);

    changes.bump();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(jsonPath("$.title").value(newTitle)));

    mongo.updateFirst(Query.query(Criteria.where("slug").is(slug)), new Update().set("status", ArticleStatus.DRAFT), Article.COLLECTION);
    changes.bump();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isNotFound()));
  }

  @Test
  void listPagesAreConditionalToo() throws Exception {
    String tag = unique();
    createPublished(ADMIN, anArticle().tagged(tag));
    String etag =
        mvc.perform(get("/api/v1/articles").param("tag", tag))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, allOf(containsString("public"), containsString("max-age=60"))))
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.ETAG);
    double notModifiedBefore = readCount("list", "not_modified");

    // A 304 renews what a cache holds, so it carries the same freshness as the 200
    mvc.perform(get("/api/v1/articles").param("tag", tag).header(HttpHeaders.IF_NONE_MATCH, etag))
        .andExpect(status().isNotModified())
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, allOf(containsString("public"), containsString("max-age=60"))))
        .andExpect(content().string(""));
    assertThat(readCount("list", "not_modified")).isEqualTo(notModifiedBefore + 1);
    mvc.perform(get("/api/v1/articles").param("q", tag))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.CACHE_CONTROL, allOf(containsString("public"), containsString("max-age=60"))));

    createPublished(ADMIN, anArticle().tagged(tag));
    mvc.perform(get("/api/v1/articles").param("tag", tag).header(HttpHeaders.IF_NONE_MATCH, etag))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(2)));
  }

  @Test
  void listShowsPublishedArticlesNewestFirstFilteredByTagAndTreatment() throws Exception {
    String tag = unique();
    String older = createPublished(ADMIN, anArticle().tagged(tag).linkedTo("cupping"));
    String newer = createPublished(ADMIN, anArticle().tagged(tag, "other-" + tag).linkedTo("follow-up"));
    create(ADMIN, anArticle().tagged(tag)); // a draft

    mvc.perform(get("/api/v1/articles").param("tag", tag))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].slug", contains(newer, older)))
        .andExpect(jsonPath("$.items[0].html").doesNotExist())
        .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    mvc.perform(get("/api/v1/articles").param("tag", tag).param("treatmentId", "cupping"))
        .andExpect(jsonPath("$.items[*].slug", contains(older)));
    mvc.perform(get("/api/v1/articles").param("tag", "Other " + tag.toUpperCase()))
        .andExpect(jsonPath("$.items[*].slug", contains(newer)));
  }

  @Test
  void aClinicSeesItsOwnArticlesAndTheNetworkWideOnes() throws Exception {
    String tag = unique();
    String network = createPublished(ADMIN, anArticle().tagged(tag));
    String camden = createPublished(CAMDEN, anArticle().tagged(tag));
    String toronto = createPublished(TORONTO, anArticle().tagged(tag));

    mvc.perform(get("/api/v1/articles").param("tag", tag).param("clinicId", "london-camden"))
        .andExpect(jsonPath("$.items[*].slug", contains(camden, network)));
    mvc.perform(get("/api/v1/articles").param("tag", tag).param("clinicId", "toronto-annex"))
        .andExpect(jsonPath("$.items[*].slug", contains(toronto, network)));
    mvc.perform(get("/api/v1/articles").param("tag", tag)).andExpect(jsonPath("$.items[*].slug", contains(network)));
  }

  @Test
  void cursorPagesStayStableWhileArticlesArePublished() throws Exception {
    String tag = unique();
    List<String> original = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      original.addFirst(createPublished(ADMIN, anArticle().tagged(tag)));
    }

    List<String> seen = new ArrayList<>();
    MvcResult page = mvc.perform(get("/api/v1/articles").param("tag", tag).param("limit", "2")).andReturn();
    seen.addAll(slugs(page));
    // Published between page 1 and page 2: must neither shift nor repeat what follows
    createPublished(ADMIN, anArticle().tagged(tag));
    createPublished(ADMIN, anArticle().tagged(tag));
    String cursor = JsonPath.read(page.getResponse().getContentAsString(), "$.nextCursor");
    while (cursor != null) {
      page = mvc.perform(get("/api/v1/articles").param("tag", tag).param("limit", "2").param("cursor", cursor)).andReturn();
      seen.addAll(slugs(page));
      cursor = JsonPath.read(page.getResponse().getContentAsString(), "$.nextCursor");
    }

    assertThat(seen).containsExactlyElementsOf(original);
  }

  @Test
  void defaultPageHoldsTwentyArticles() throws Exception {
    String tag = unique();
    for (int i = 0; i < 21; i++) {
      createPublished(ADMIN, anArticle().tagged(tag));
    }

    mvc.perform(get("/api/v1/articles").param("tag", tag))
        .andExpect(jsonPath("$.items", hasSize(20)))
        .andExpect(jsonPath("$.nextCursor").isNotEmpty());
  }

  // ---- optimistic locking ------------------------------------------------------------------

  @Test
  void staleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
    String slug = create(ADMIN, anArticle().titled("Original " + unique()));
    String title = staffTitle(slug);
    update(slug, "\"0\"", anArticle().titled("First edit " + unique())).andExpect(status().isOk()).andExpect(header().string(HttpHeaders.ETAG, "\"1\""));

    assertNothingWritten(
        () ->
            update(slug, "\"0\"", anArticle().titled("Lost update"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "precondition-failed")));

    assertThat(staffTitle(slug)).isNotEqualTo(title).startsWith("First edit");
  }

  @Test
  void staleVersionInTheBodyIsAConflict() throws Exception {
    String slug = create(ADMIN, anArticle());
    update(slug, null, anArticle().atVersion(0)).andExpect(status().isOk());

    assertNothingWritten(
        () -> update(slug, null, anArticle().atVersion(0)).andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(PROBLEM + "stale-version")));
  }

  @Test
  void updateWithoutAVersionIsRefused() throws Exception {
    String slug = create(ADMIN, anArticle());

    assertNothingWritten(
        () ->
            update(slug, null, anArticle())
                .andExpect(status().is(428))
                .andExpect(jsonPath("$.type").value(PROBLEM + "precondition-required")));
  }

  @Test
  void ofTwoConcurrentEditsOfOneVersionExactlyOneWins() throws Exception {
    String slug = create(ADMIN, anArticle());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String title = "Concurrent " + i + " " + unique();
        Callable<Integer> edit =
            () -> {
              start.await();
              return update(slug, "\"0\"", anArticle().titled(title)).andReturn().getResponse().getStatus();
            };
        results.add(pool.submit(edit));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }

      assertThat(statuses).containsOnlyOnce(200).anyMatch(s -> s == 409 || s == 412);
      assertThat(staffVersion(slug)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void publishAndDeleteHonourIfMatch() throws Exception {
    String slug = create(ADMIN, anArticle());
    update(slug, "\"0\"", anArticle()).andExpect(status().isOk());

    mvc.perform(post("/api/v1/articles/{slug}/publish", slug).header(HttpHeaders.AUTHORIZATION, ADMIN).header(HttpHeaders.IF_MATCH, "\"0\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(delete("/api/v1/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN).header(HttpHeaders.IF_MATCH, "\"0\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(delete("/api/v1/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN).header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/staff/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isNotFound());
  }

  @Test
  void slugAndOwnerCannotChangeOnUpdate() throws Exception {
    String slug = create(CAMDEN, anArticle());

    assertNothingWritten(
        () -> update(slug, "\"0\"", anArticle().withSlug("another-" + slug)).andExpect(status().isBadRequest()));
    assertNothingWritten(
        () -> update(slug, "\"0\"", anArticle().forClinic("toronto-annex")).andExpect(status().isBadRequest()));
  }

  @Test
  void aTakenSlugIsAConflict() throws Exception {
    String slug = "taken-" + unique();
    create(ADMIN, anArticle().withSlug(slug));

    assertNothingWritten(
        () ->
            mvc.perform(post("/api/v1/articles").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(anArticle().withSlug(slug).json()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "slug-taken")));
  }

  // ---- who may do what ---------------------------------------------------------------------

  @Test
  void clinicStaffCreateForTheirOwnClinicAndNetworkAdminsNetworkWide() throws Exception {
    String camden = create(CAMDEN, anArticle());
    String network = create(ADMIN, anArticle());

    mvc.perform(get("/api/v1/staff/articles/{slug}", camden).header(HttpHeaders.AUTHORIZATION, CAMDEN))
        .andExpect(jsonPath("$.clinicId").value("london-camden"))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.version").value(0))
        .andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
    mvc.perform(get("/api/v1/staff/articles/{slug}", network).header(HttpHeaders.AUTHORIZATION, ADMIN))
        .andExpect(jsonPath("$.clinicId").value(nullValue()));
  }

  @Test
  void clinicStaffCannotTouchAnotherClinicsArticles() throws Exception {
    String camden = create(CAMDEN, anArticle());

    assertNothingWritten(
        () -> {
          mvc.perform(put("/api/v1/articles/{slug}", camden).header(HttpHeaders.AUTHORIZATION, TORONTO).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON).content(anArticle().json()))
              .andExpect(status().isForbidden())
              .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
              .andExpect(jsonPath("$.type").value(PROBLEM + "forbidden"));
          mvc.perform(post("/api/v1/articles/{slug}/publish", camden).header(HttpHeaders.AUTHORIZATION, TORONTO)).andExpect(status().isForbidden());
          mvc.perform(delete("/api/v1/articles/{slug}", camden).header(HttpHeaders.AUTHORIZATION, TORONTO)).andExpect(status().isForbidden());
          mvc.perform(get("/api/v1/staff/articles/{slug}", camden).header(HttpHeaders.AUTHORIZATION, TORONTO)).andExpect(status().isForbidden());
          mvc.perform(post("/api/v1/articles").header(HttpHeaders.AUTHORIZATION, CAMDEN).contentType(MediaType.APPLICATION_JSON).content(anArticle().forClinic("toronto-annex").json()))
              .andExpect(status().isForbidden());
        });
    mvc.perform(post("/api/v1/articles/{slug}/publish", camden).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isOk());
  }

  @Test
  void onlyNetworkAdminsChangeNetworkWideArticles() throws Exception {
    String network = create(ADMIN, anArticle());

    assertNothingWritten(
        () -> {
          mvc.perform(post("/api/v1/articles/{slug}/publish", network).header(HttpHeaders.AUTHORIZATION, CAMDEN)).andExpect(status().isForbidden());
          mvc.perform(post("/api/v1/articles/{slug}/unpublish", "acupuncture-for-back-pain").header(HttpHeaders.AUTHORIZATION, CAMDEN))
              .andExpect(status().isForbidden());
        });
  }

  @Test
  void staffListShowsOnlyWhatTheCallerMayEdit() throws Exception {
    String camden = create(CAMDEN, anArticle());
    String toronto = create(TORONTO, anArticle());

    mvc.perform(get("/api/v1/staff/articles").header(HttpHeaders.AUTHORIZATION, CAMDEN).param("status", "DRAFT").param("limit", "100"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].slug", hasItem(camden)))
        .andExpect(jsonPath("$[*].slug", not(hasItem(toronto))))
        .andExpect(jsonPath("$[*].clinicId", not(hasItem("toronto-annex"))));
    mvc.perform(get("/api/v1/staff/articles").header(HttpHeaders.AUTHORIZATION, CAMDEN).param("clinicId", "toronto-annex"))
        .andExpect(status().isForbidden());
  }

  @Test
  void staffEndpointsNeedATokenBeforeTheBodyIsEvenRead() throws Exception {
    assertNothingWritten(
        () -> {
          mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content(anArticle().json()))
              .andExpect(status().isUnauthorized())
              .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
              .andExpect(jsonPath("$.type").value(PROBLEM + "unauthorized"));
          mvc.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON).content("{not json"))
              .andExpect(status().isUnauthorized());
          mvc.perform(put("/api/v1/articles/{slug}", "acupuncture-for-back-pain").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
              .andExpect(status().isUnauthorized());
          mvc.perform(get("/api/v1/staff/articles")).andExpect(status().isUnauthorized());
        });
  }

  // ---- bad input ---------------------------------------------------------------------------

  @Test
  void badJsonIsA400ProblemAndWritesNothing() throws Exception {
    assertNothingWritten(
        () -> {
          for (String body : List.of("{\"title\": \"Unclosed", "not json", "[]", "{\"title\":\"x\",\"body\":\"y\",\"tags\":\"not-a-list\"}", "")) {
            mvc.perform(post("/api/v1/articles").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "malformed-request"))
                .andExpect(jsonPath("$.detail").value(not(containsString("Unclosed"))));
          }
        });
  }

  @Test
  void invalidFieldsAreListedAndNothingIsWritten() throws Exception {
    assertNothingWritten(
        () ->
            mvc.perform(
                    post("/api/v1/articles")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(anArticle().titled("").withSlug("Not A Slug").linkedTo("Bad Id").with("body", "x".repeat(100_001)).json()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation-failed"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("slug")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("treatmentIds[0]"))));
  }

  @Test
  void oversizedBodyIsRefusedWith413() throws Exception {
    String huge = anArticle().withBody("x".repeat(300 * 1024)).json();

    assertNothingWritten(
        () ->
            mvc.perform(post("/api/v1/articles").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value(PROBLEM + "payload-too-large")));
  }

  @Test
  void oversizedChunkedBodyWithoutLengthIsRefusedToo() throws Exception {
    byte[] huge = anArticle().withBody("x".repeat(300 * 1024)).json().getBytes();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles"))
            .header(HttpHeaders.AUTHORIZATION, ADMIN)
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
            .build();

    assertNothingWritten(
        () -> {
          try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains(PROBLEM + "payload-too-large");
          }
        });
  }

  @Test
  void wrongMediaTypeIsA415Problem() throws Exception {
    mvc.perform(post("/api/v1/articles").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.type").value(PROBLEM + "unsupported-media-type"));
  }

  @Test
  void invalidSlugIsA400AndUnknownSlugA404() throws Exception {
    for (String slug : List.of("Not_A_Slug", "double--hyphen", "-leading", "a".repeat(97), "ünïcode")) {
      mvc.perform(get("/api/v1/articles/{slug}", slug))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-slug"));
    }
    mvc.perform(get("/api/v1/articles/{slug}", "no-such-article-" + unique()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value(PROBLEM + "article-not-found"));
  }

  @Test
  void malformedCursorIsA400Problem() throws Exception {
    String base64Garbage = Base64.getUrlEncoder().encodeToString("hello world".getBytes());
    String relevanceCursor = Base64.getUrlEncoder().withoutPadding().encodeToString("r|3f800000|some-slug".getBytes());
    for (String cursor : List.of("!!!", "abc", base64Garbage, relevanceCursor, "x".repeat(300))) {
      mvc.perform(get("/api/v1/articles").param("cursor", cursor))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-cursor"));
    }
  }

  @Test
  void unknownTagGivesAnEmptyPageNotAnError() throws Exception {
    mvc.perform(get("/api/v1/articles").param("tag", "no-such-tag-" + unique()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(0)))
        .andExpect(jsonPath("$.nextCursor").value(nullValue()));
  }

  @Test
  void badListParametersAre400Problems() throws Exception {
    for (String[] parameter :
        List.of(
            new String[] {"limit", "0"},
            new String[] {"limit", "101"},
            new String[] {"limit", "many"},
            new String[] {"clinicId", "London Camden"},
            new String[] {"tag", "!!!"},
            new String[] {"q", "x".repeat(201)})) {
      mvc.perform(get("/api/v1/articles").param(parameter[0], parameter[1]))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value(containsString(PROBLEM)));
    }
  }

  @Test
  void unknownPathIsA404Problem() throws Exception {
    mvc.perform(get("/api/v1/nothing-here"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
  }

  // ---- metrics -----------------------------------------------------------------------------

  @Test
  void readsAreCountedByOutcomeWithoutPerArticleTags() throws Exception {
    String slug = createPublished(ADMIN, anArticle());
    double okBefore = readCount("article", "ok");
    double notFoundBefore = readCount("article", "not_found");

    mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/articles/{slug}", "missing-" + unique())).andExpect(status().isNotFound());

    assertThat(readCount("article", "ok")).isEqualTo(okBefore + 1);
    assertThat(readCount("article", "not_found")).isEqualTo(notFoundBefore + 1);
    String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    assertThat(scrape).containsPattern("content_reads_total\\{[^}]*outcome=\"not_found\"").doesNotContain(slug);
    assertThat(meters.find("content.reads").counters())
        .allSatisfy(counter -> assertThat(counter.getId().getTags()).extracting(tag -> tag.getKey()).isSubsetOf("resource", "outcome", "application"));
  }

  @Test
  void everyContentMeterCarriesOnlyTagsFromAFixedSet() throws Exception {
    // Reads, a list, a search, writes and an import with distinctive words: none may become a tag value
    String word = unique();
    String slug = createPublished(ADMIN, anArticle().titled("Meter " + word).tagged(word));
    mvc.perform(get("/api/v1/articles/{slug}", slug)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/articles/{slug}", "missing-" + word)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/articles").param("tag", word)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(status().isOk());
    mvc.perform(post("/api/v1/articles/import").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.TEXT_PLAIN).content("Imported " + word + "\n\nText."))
        .andExpect(status().isCreated());

    Map<String, Set<String>> allowed =
        Map.of(
            "resource", Set.of("article", "list", "search"),
            "outcome", Set.of("ok", "not_modified", "not_found", "hits", "no_hits", "created", "updated", "rejected"),
            "action", Set.of("create", "update", "publish", "unpublish", "delete", "seed"));
    List<Meter> ours = meters.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("content.")).toList();
    assertThat(ours).extracting(meter -> meter.getId().getName()).contains("content.reads", "content.search", "content.imports", "content.writes");
    assertThat(ours)
        .allSatisfy(meter -> assertThat(meter.getId().getTags())
            .filteredOn(tag -> !tag.getKey().equals("application"))
            .allSatisfy(tag -> assertThat(allowed.getOrDefault(tag.getKey(), Set.of())).as(meter.getId().toString()).contains(tag.getValue())));
    String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    assertThat(scrape).doesNotContain(word).doesNotContain(slug);
  }

  // ---- helpers -----------------------------------------------------------------------------

  interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} and checks that no article was written meanwhile (the change counter stood still). */
  private void assertNothingWritten(Action action) throws Exception {
    long before = changes.current();
    action.run();
    assertThat(changes.current()).as("article writes").isEqualTo(before);
  }

  private ResultActions update(String slug, String ifMatch, ArticleRequests article) throws Exception {
    var request = put("/api/v1/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(article.json());
    if (ifMatch != null) {
      request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
    return mvc.perform(request);
  }

  private long staffVersion(String slug) throws Exception {
    String json = mvc.perform(get("/api/v1/staff/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN)).andReturn().getResponse().getContentAsString();
    return ((Number) JsonPath.read(json, "$.version")).longValue();
  }

  private String staffTitle(String slug) throws Exception {
    String json = mvc.perform(get("/api/v1/staff/articles/{slug}", slug).header(HttpHeaders.AUTHORIZATION, ADMIN)).andReturn().getResponse().getContentAsString();
    return JsonPath.read(json, "$.title");
  }

  private static List<String> slugs(MvcResult page) throws Exception {
    return JsonPath.read(page.getResponse().getContentAsString(), "$.items[*].slug");
  }

  private double cacheGets(String result) {
    FunctionCounter counter = meters.find("cache.gets").tags("cache", "content.articles", "result", result).functionCounter();
    return counter == null ? 0 : counter.count();
  }

  private double readCount(String resource, String outcome) {
    Counter counter = meters.find("content.reads").tags("resource", resource, "outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
