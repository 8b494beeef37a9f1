package network.clinic.content.search;

import static network.clinic.content.ArticleRequests.anArticle;
import static network.clinic.content.ArticleRequests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.clinic.content.ContentApplication;
import network.clinic.content.ContentScenarios;
import network.clinic.content.StaffTokens;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.client.RestClient;

/** Relevance search over HTTP, on the seeded sample articles and on articles written by the tests. */
public abstract class SearchScenarios extends ContentScenarios {

  private static final String ADMIN = StaffTokens.networkAdmin();

  @Autowired Environment environment;
  @Autowired MeterRegistry meters;
  @Autowired MongoTemplate mongo;

  @Test
  void backPainPutsTheBackPainArticleFirst() throws Exception {
    mvc.perform(get("/api/v1/articles").param("q", "back pain"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].slug").value("acupuncture-for-back-pain"));
  }

  @Test
  void needleFindsArticlesThatSayOnlyNeedlesOrNeedling() throws Exception {
    // Neither text holds the word "needle", and "needling" not even those letters in a row: only
    // stemming meets them (the tag keeps other articles out of the page)
    String tag = unique();
    String needling =
        createPublished(ADMIN, anArticle().titled("Dry technique " + unique()).tagged(tag).withBody("Gentle needling along the spine, then rest."));
    String needles =
        createPublished(ADMIN, anArticle().titled("Clinic hygiene " + unique()).tagged(tag).withBody("Single-use needles from sealed packs."));
    for (String slug : List.of(needling, needles)) {
      String json = mvc.perform(get("/api/v1/articles/{slug}", slug)).andReturn().getResponse().getContentAsString();
      assertThat(json.toLowerCase()).doesNotContainPattern("needle(?!s)");
    }

    mvc.perform(get("/api/v1/articles").param("q", "needle").param("tag", tag))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].slug", containsInAnyOrder(needling, needles)));
    mvc.perform(get("/api/v1/articles").param("q", "Needles").param("tag", tag)).andExpect(jsonPath("$.items[*].slug", hasItem(needling)));
  }

  @Test
  void aTitleMatchOutranksABodyMatch() throws Exception {
    String word = unique();
    String inBody = createPublished(ADMIN, anArticle().titled("Body match " + unique()).withBody("This one mentions " + word + " twice: " + word + "."));
    String inTitle = createPublished(ADMIN, anArticle().titled("All about " + word));

    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(jsonPath("$.items[*].slug", contains(inTitle, inBody)));
  }

  @Test
  void searchFindsPublishedArticlesOnlyAndAtOnceOnTheWritingInstance() throws Exception {
    String word = unique();
    String slug = create(ADMIN, anArticle().titled("Searchable " + word));

    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(jsonPath("$.items[*].slug", not(hasItem(slug))));
    publish(ADMIN, slug);
    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(jsonPath("$.items[*].slug", contains(slug)));
    mvc.perform(post("/api/v1/articles/{slug}/unpublish", slug).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(jsonPath("$.items[*].slug", not(hasItem(slug))));
  }

  @Test
  void searchRespectsClinicAndTagFilters() throws Exception {
    String word = unique();
    String camden = createPublished(StaffTokens.staffOf("london-camden"), anArticle().titled("Camden " + word).tagged("local"));
    String network = createPublished(ADMIN, anArticle().titled("Network " + word));

    mvc.perform(get("/api/v1/articles").param("q", word)).andExpect(jsonPath("$.items[*].slug", contains(network)));
    mvc.perform(get("/api/v1/articles").param("q", word).param("clinicId", "london-camden"))
        .andExpect(jsonPath("$.items[*].slug", hasItems(camden, network)));
    mvc.perform(get("/api/v1/articles").param("q", word).param("clinicId", "london-camden").param("tag", "local"))
        .andExpect(jsonPath("$.items[*].slug", contains(camden)));
    mvc.perform(get("/api/v1/articles").param("q", word).param("clinicId", "toronto-annex"))
        .andExpect(jsonPath("$.items[*].slug", contains(network)));
  }

  @Test
  void searchResultsArePagedWithARelevanceCursor() throws Exception {
    String word = unique();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(createPublished(ADMIN, anArticle().titled("Paged " + word + " " + unique())));
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = get("/api/v1/articles").param("q", word).param("limit", "1");
      if (cursor != null) {
        request.param("cursor", cursor);
      }
      MvcResult page = mvc.perform(request).andExpect(status().isOk()).andReturn();
      seen.addAll(JsonPath.read(page.getResponse().getContentAsString(), "$.items[*].slug"));
      cursor = JsonPath.read(page.getResponse().getContentAsString(), "$.nextCursor");
    } while (cursor != null);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    // A relevance cursor means nothing to the chronological list
    String relevance = JsonPath.read(mvc.perform(get("/api/v1/articles").param("q", word).param("limit", "1")).andReturn().getResponse().getContentAsString(), "$.nextCursor");
    mvc.perform(get("/api/v1/articles").param("cursor", relevance)).andExpect(status().isBadRequest());
  }

  @Test
  void searchPagesServeEveryEarlierMatchOnceWhileArticlesArePublishedBetweenThem() throws Exception {
    // Titles alike but for a number: every match scores the same, so if the statistics the scores
    // come from moved between pages, all the rest would cross the cursor together
    String word = unique();
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      before.add(createPublished(ADMIN, anArticle().titled(word + " guide " + i).withBody("Notes.")));
    }

    List<String> served = new ArrayList<>();
    String cursor = null;
    String secondCursor = null;
    int page = 0;
    do {
      if (page++ > 0) {
        // Between pages: one more match (a commoner word) and three others (a larger collection)
        createPublished(ADMIN, anArticle().titled(word + " extra " + page).withBody("Notes."));
        for (int i = 0; i < 3; i++) {
          createPublished(ADMIN, anArticle().titled("Unrelated " + unique()).withBody("Other notes, somewhat longer than the ones above."));
        }
      }
      var request = get("/api/v1/articles").param("q", word).param("limit", "2");
      if (cursor != null) {
        request.param("cursor", cursor);
      }
      String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
      served.addAll(JsonPath.read(body, "$.items[*].slug"));
      cursor = JsonPath.read(body, "$.nextCursor");
      secondCursor = page == 2 ? cursor : secondCursor;
    } while (cursor != null && page < 50);

    assertThat(served.stream().filter(before::contains)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(served).doesNotHaveDuplicates();
    // The cursor is tied to its query's words, and a tampered one is refused before any search
    mvc.perform(get("/api/v1/articles").param("q", word + " other").param("cursor", secondCursor))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://clinic.network/problems/invalid-cursor"));
    String raw = new String(Base64.getUrlDecoder().decode(secondCursor), StandardCharsets.UTF_8);
    String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString((raw.substring(0, raw.length() - 3) + "_-_").getBytes(StandardCharsets.UTF_8));
    mvc.perform(get("/api/v1/articles").param("q", word).param("cursor", tampered))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("https://clinic.network/problems/invalid-cursor"));
  }

  @Test
  void searchesAreTimed() throws Exception {
    long before = searchCount("hits");
    long beforeEmpty = searchCount("no_hits");

    mvc.perform(get("/api/v1/articles").param("q", "cupping")).andExpect(status().isOk());
    mvc.perform(get("/api/v1/articles").param("q", "zzqqxx" + unique())).andExpect(jsonPath("$.items").isEmpty());

    assertThat(searchCount("hits")).isEqualTo(before + 1);
    assertThat(searchCount("no_hits")).isEqualTo(beforeEmpty + 1);
  }

  @Test
  void anArticlePublishedOnOneInstanceIsFoundOnAnotherWithinSeconds() throws Exception {
    String existingWord = unique();
    String existing = createPublished(ADMIN, anArticle().titled("Before the second instance " + existingWord));

    try (ConfigurableApplicationContext other = startAnotherInstance()) {
      RestClient otherHttp = http(other);
      // Built from MongoDB at start
      assertThat(search(otherHttp, existingWord)).containsExactly(existing);

      String word = unique();
      String slug = createPublished(ADMIN, anArticle().titled("Published on instance A " + word));
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(search(otherHttp, word)).containsExactly(slug));

      mvc.perform(post("/api/v1/articles/{slug}/unpublish", slug).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isOk());
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(search(otherHttp, word)).isEmpty());

      mvc.perform(delete("/api/v1/articles/{slug}", existing).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isNoContent());
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(search(otherHttp, existingWord)).isEmpty());
    }
  }

  @Test
  void aBacklogLargerThanOneMongoReplyIsIndexedInBatches() throws Exception {
    // Written straight into MongoDB, as by another instance: this one learns of them from the change
    // counter only. About 50 MB in all, more than one reply of the wire server may carry
    String word = unique();
    String template = createPublished(ADMIN, anArticle().titled("Bulk template " + unique()));
    Document source = mongo.findOne(Query.query(Criteria.where("slug").is(template)), Document.class, "articles");
    String filler = "Lorem ipsum dolor sit amet. ".repeat(700);
    int count = 1_300;
    try {
      List<Document> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Document copy = new Document(source);
        copy.put("_id", source.get("_id") instanceof ObjectId ? new ObjectId() : "bulk-" + word + "-" + i);
        copy.put("slug", "bulk-" + word + "-" + i);
        copy.put("title", "Bulk " + word + " " + i);
        copy.put("body", filler);
        copy.put("html", "<p>" + filler + "</p>");
        copy.put("version", 0L);
        batch.add(copy);
        if (batch.size() == 100) {
          mongo.getCollection("articles").insertMany(batch);
          batch.clear();
        }
      }
      mongo.upsert(Query.query(Criteria.where("_id").is("articles")), new Update().inc("sequence", 1L), "content_changes");

      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(allPages(word)).hasSize(count));
    } finally {
      mongo.remove(Query.query(Criteria.where("slug").regex("^bulk-" + word + "-")), "articles");
      mongo.upsert(Query.query(Criteria.where("_id").is("articles")), new Update().inc("sequence", 1L), "content_changes");
    }
  }

  @Test
  void anInstanceWithAnIndexDirectoryRestartsOnItAndCatchesUpWithWhatChangedMeanwhile(@TempDir Path indexDirectory) throws Exception {
    String word = unique();
    String kept = createPublished(ADMIN, anArticle().titled("Kept " + word));
    String renamed = createPublished(ADMIN, anArticle().titled("Renamed " + word));
    String deleted = createPublished(ADMIN, anArticle().titled("Deleted " + word));
    String onDisk = "--clinic.content.search.index-directory=" + indexDirectory;

    try (ConfigurableApplicationContext first = startAnotherInstance(onDisk)) {
      assertThat(search(http(first), word)).containsExactlyInAnyOrder(kept, renamed, deleted);
      // Two instances writing one index would corrupt it: the second does not start
      assertThatThrownBy(() -> startAnotherInstance(onDisk).close())
          .hasStackTraceContaining(indexDirectory + " is in use by another process");
    }

    // While it is down: a change as another instance would store it, a deletion and a new article
    String newWord = unique();
    mongo.updateFirst(
        Query.query(Criteria.where("slug").is(renamed)), new Update().set("title", "Renamed " + newWord).inc("version", 1L), "articles");
    mvc.perform(delete("/api/v1/articles/{slug}", deleted).header(HttpHeaders.AUTHORIZATION, ADMIN)).andExpect(status().isNoContent());
    String added = createPublished(ADMIN, anArticle().titled("Added " + word));

    try (ConfigurableApplicationContext restarted = startAnotherInstance(onDisk)) {
      // It serves the kept index at once and catches up in its first poll, right after the start
      RestClient restartedHttp = http(restarted);
      await().untilAsserted(() -> {
        assertThat(search(restartedHttp, word)).containsExactlyInAnyOrder(kept, added);
        assertThat(search(restartedHttp, newWord)).containsExactly(renamed);
      });
    }
  }

  /** Every slug a search serves, following nextCursor to the end; fails on a slug served twice. */
  private Set<String> allPages(String q) throws Exception {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      var request = get("/api/v1/articles").param("q", q).param("limit", "100");
      if (cursor != null) {
        request.param("cursor", cursor);
      }
      String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
      List<String> slugs = JsonPath.read(body, "$.items[*].slug");
      slugs.forEach(slug -> assertThat(seen.add(slug)).as("served twice: %s", slug).isTrue());
      cursor = JsonPath.read(body, "$.nextCursor");
    } while (cursor != null);
    return seen;
  }

  /** A second instance of the service on the same database, as behind a load balancer. */
  private ConfigurableApplicationContext startAnotherInstance(String... moreArguments) {
    // Command-line arguments: they outrank application.yml, as the environment does in production
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                "--clinic.security.jwt.secret=" + StaffTokens.SECRET,
                "--clinic.content.search.poll-interval=200ms",
                "--clinic.content.search.full-resync-interval=5s"));
    arguments.addAll(List.of(moreArguments));
    return new SpringApplicationBuilder(ContentApplication.class).run(arguments.toArray(String[]::new));
  }

  private static RestClient http(ConfigurableApplicationContext context) {
    return RestClient.builder()
        .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build();
  }

  private static List<String> search(RestClient http, String q) {
    String body = http.get().uri(uri -> uri.path("/api/v1/articles").queryParam("q", q).build()).retrieve().body(String.class);
    return JsonPath.read(body, "$.items[*].slug");
  }

  private long searchCount(String outcome) {
    Timer timer = meters.find("content.search").tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }
}
