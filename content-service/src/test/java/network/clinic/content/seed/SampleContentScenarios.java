package network.clinic.content.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import network.clinic.content.ContentScenarios;
import network.clinic.content.article.ArticleChanges;
import network.clinic.content.article.ArticleEditor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The sample articles an empty database starts with. */
public abstract class SampleContentScenarios extends ContentScenarios {

  private static final List<String> REQUIRED =
      List.of(
          "acupuncture-for-back-pain",
          "what-to-expect-in-your-first-session",
          "acupuncture-safety-and-side-effects",
          "self-care-alongside-treatment",
          "cupping-what-it-is-and-what-to-expect",
          "acupuncture-frequently-asked-questions");

  @Autowired SampleArticleSeeder seeder;
  @Autowired ArticleEditor editor;
  @Autowired ArticleChanges changes;

  @Test
  void anEmptyDatabaseStartsWithPublishedNetworkWideSampleArticles() throws Exception {
    mvc.perform(get("/api/v1/articles"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(greaterThanOrEqualTo(6))))
        .andExpect(jsonPath("$.items[*].slug", hasItems(REQUIRED.toArray(String[]::new))))
        .andExpect(jsonPath("$.items[*].clinicId", everyItem(nullValue())));
  }

  @Test
  void sampleArticlesAreLinkedToEveryDemoTreatment() throws Exception {
    for (String treatment : List.of("initial-consultation", "follow-up", "cupping", "electro-acupuncture")) {
      mvc.perform(get("/api/v1/articles").param("treatmentId", treatment)).andExpect(jsonPath("$.items", not(hasSize(0))));
    }
    mvc.perform(get("/api/v1/articles").param("treatmentId", "cupping"))
        .andExpect(jsonPath("$.items[*].slug", hasItems("cupping-what-it-is-and-what-to-expect")));
  }

  @Test
  void everySampleReadsAsAFullArticle() throws Exception {
    for (String slug : REQUIRED) {
      mvc.perform(get("/api/v1/articles/{slug}", slug))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.title", not(emptyString())))
          .andExpect(jsonPath("$.summary", not(emptyString())))
          .andExpect(jsonPath("$.metaDescription", not(emptyString())))
          .andExpect(jsonPath("$.html", not(emptyString())))
          .andExpect(jsonPath("$.treatmentIds", not(hasSize(0))));
    }
    mvc.perform(get("/api/v1/articles/{slug}", "acupuncture-frequently-asked-questions"))
        .andExpect(jsonPath("$.faq", hasSize(greaterThanOrEqualTo(5))))
        .andExpect(jsonPath("$.faq[0].question").value("Does acupuncture hurt?"));
    String html =
        JsonPath.read(mvc.perform(get("/api/v1/articles/{slug}", "self-care-alongside-treatment")).andReturn().getResponse().getContentAsString(), "$.html");
    assertThat(html.toLowerCase()).contains("exercise").contains("posture").contains("heat").contains("cold").contains("stress");
  }

  @Test
  void aDatabaseWithArticlesIsNotSeededAgain() throws Exception {
    long before = changes.current();

    seeder.run(new DefaultApplicationArguments());
    // Two instances seeding one empty database at once: the second write of a slug is a no-op
    boolean written = editor.seed("acupuncture-for-back-pain", SampleArticles.load().getFirst().content(), Instant.now());

    assertThat(written).isFalse();
    assertThat(changes.current()).isEqualTo(before);
  }
}
