package network.clinic.content.search;

import static network.clinic.content.article.TestArticles.aPublishedArticle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch.Hit;
import network.clinic.content.article.TestArticles;
import network.clinic.content.rendering.MarkdownRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleIndexTests {

  private static final ArticleFilter NETWORK = new ArticleFilter(null, null, null);

  private ArticleIndex index;
  private Article backPain;
  private Article neck;
  private Article safety;
  private Article cupping;
  private Article sleep;
  private Article headaches;

  @BeforeEach
  void indexACorpus() {
    index = new ArticleIndex(new MarkdownRenderer());
    backPain =
        add(
            aPublishedArticle()
                .titled("Acupuncture for back pain")
                .tagged("back-pain")
                .linkedTo("initial-consultation", "follow-up")
                .withBody(
                    "Lower back pain is the most common reason people visit. A course of treatment usually means weekly"
                        + " sessions. Gentle movement helps back pain more than bed rest."));
    neck =
        add(
            aPublishedArticle()
                .titled("Neck and shoulder tension")
                .withBody(
                    "Desk work tightens the back of the neck. Some people also describe pain between the shoulders after a long"
                        + " day; stretching helps."));
    safety =
        add(
            aPublishedArticle()
                .titled("Is it safe?")
                .tagged("safety")
                .withBody("We only use sterile, single-use needles from sealed packs. Bruising at needle sites is common and harmless."));
    cupping =
        add(
            aPublishedArticle()
                .titled("Cupping explained")
                .tagged("cupping")
                .linkedTo("cupping")
                .withBody("Cupping uses suction instead of needling. Round marks fade within days."));
    sleep =
        add(
            aPublishedArticle()
                .titled("Sleep and relaxation")
                .forClinic("london-camden")
                .withBody("Many patients come back saying they slept well. Rest matters for recovery."));
    headaches =
        add(
            aPublishedArticle()
                .titled("Headaches and migraines")
                .forClinic("toronto-annex")
                .withBody("Tension headaches are a frequent kind of head pain.")
                .withFaq("Can needles help a migraine?", "Some studies suggest fewer migraine days for some people."));
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void backPainPutsTheBackPainArticleFirst() {
    List<Hit> hits = index.search("back pain", NETWORK, 10);

    assertThat(hits).extracting(Hit::slug).first().isEqualTo(backPain.slug());
    assertThat(hits).extracting(Hit::slug).contains(neck.slug());
    assertThat(score(hits, backPain)).isGreaterThan(score(hits, neck) * 2);
  }

  @Test
  void stemmingLetsNeedleFindNeedlesAndNeedling() {
    assertThat(index.search("needle", NETWORK, 10)).extracting(Hit::slug).containsExactlyInAnyOrder(safety.slug(), cupping.slug());
    assertThat(index.search("Needles", NETWORK, 10)).extracting(Hit::slug).contains(safety.slug());
    assertThat(index.search("relaxing", new ArticleFilter(null, "london-camden", null), 10)).extracting(Hit::slug).containsExactly(sleep.slug());
  }

  @Test
  void aTitleMatchOutranksBodyMatches() {
    Article inTitle = add(aPublishedArticle().titled("Moxibustion basics").withBody("A warming technique with a long history."));
    Article inBody =
        add(
            aPublishedArticle()
                .titled("Traditional techniques")
                .withBody("Moxibustion is one technique. Moxibustion uses warmth. Some clinics offer moxibustion with acupuncture."));

    assertThat(index.search("moxibustion", NETWORK, 10)).extracting(Hit::slug).containsExactly(inTitle.slug(), inBody.slug());
  }

  @Test
  void faqTextIsSearchable() {
    assertThat(index.search("migraine", new ArticleFilter(null, "toronto-annex", null), 10)).extracting(Hit::slug).containsExactly(headaches.slug());
  }

  @Test
  void clinicArticlesAreFoundOnlyForThatClinic() {
    assertThat(index.search("pain", NETWORK, 10)).extracting(Hit::slug).doesNotContain(headaches.slug());
    assertThat(index.search("pain", new ArticleFilter(null, "toronto-annex", null), 10)).extracting(Hit::slug).contains(headaches.slug(), backPain.slug());
    assertThat(index.search("pain", new ArticleFilter(null, "london-camden", null), 10)).extracting(Hit::slug).doesNotContain(headaches.slug());
  }

  @Test
  void tagAndTreatmentFiltersNarrowTheHits() {
    assertThat(index.search("pain", new ArticleFilter("back-pain", null, null), 10)).extracting(Hit::slug).containsExactly(backPain.slug());
    assertThat(index.search("needling suction", new ArticleFilter(null, null, "cupping"), 10)).extracting(Hit::slug).containsExactly(cupping.slug());
    assertThat(index.search("pain", new ArticleFilter("no-such-tag", null, null), 10)).isEmpty();
  }

  @Test
  void stopWordsPunctuationAndQuerySyntaxFindNothingAndNeverFail() {
    assertThat(index.search("the and of", NETWORK, 10)).isEmpty();
    assertThat(index.search("?!…", NETWORK, 10)).isEmpty();
    assertThat(index.search("back AND (pain OR \"neck", NETWORK, 10)).extracting(Hit::slug).first().isEqualTo(backPain.slug());
    assertThat(index.search("title:back*", NETWORK, 10)).isNotNull();
  }

  @Test
  void unpublishedArticlesLeaveTheIndex() {
    index.apply(TestArticles.unpublished(backPain));

    assertThat(index.search("back pain", NETWORK, 10)).extracting(Hit::slug).doesNotContain(backPain.slug());
    assertThat(index.indexedVersions()).doesNotContainKey(backPain.id());
  }

  @Test
  void anOlderVersionNeverReplacesANewerOne() {
    Article current = add(aPublishedArticle().titled("Versioned article").atVersion(3));
    index.apply(aPublishedArticle().titled("Versioned article").withId(current.id()).atVersion(2).asDraft().build());

    assertThat(index.indexedVersions()).containsEntry(current.id(), 3L);
  }

  @Test
  void equalScoresAreOrderedBySlug() {
    add(aPublishedArticle().titled("Zeta quokka"));
    add(aPublishedArticle().titled("Alpha quokka"));

    assertThat(index.search("quokka", NETWORK, 10)).extracting(Hit::slug).containsExactly("alpha-quokka", "zeta-quokka");
  }

  private Article add(TestArticles article) {
    Article built = article.build();
    index.apply(built);
    return built;
  }

  private static float score(List<Hit> hits, Article article) {
    return hits.stream().filter(h -> h.slug().equals(article.slug())).findFirst().orElseThrow().score();
  }
}
