package network.clinic.content.search;

import static network.clinic.content.article.TestArticles.aPublishedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch.After;
import network.clinic.content.article.ArticleSearch.Hit;
import network.clinic.content.article.ArticleSearch.InvalidRanking;
import network.clinic.content.article.ArticleSearch.Page;
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

  @Test
  void equalScoresAreOrderedBySlugAcrossSegmentsAndPages() {
    // Same length and words: every one scores the same. Added in shuffled batches, so each
    // segment holds slugs from all over the alphabet
    List<Article> twins = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      twins.add(aPublishedArticle().titled("Wombat burrows " + i).withBody("Notes.").build());
    }
    Collections.shuffle(twins, new Random(7));
    for (int from = 0; from < twins.size(); from += 40) {
      index.update(twins.subList(from, from + 40), List.of());
    }
    List<String> bySlug = twins.stream().map(Article::slug).sorted().toList();

    assertThat(index.search("wombat", NETWORK, 10)).extracting(Hit::slug).containsExactlyElementsOf(bySlug.subList(0, 10));
    assertThat(pages("wombat", 7)).containsExactlyElementsOf(bySlug);
  }

  @Test
  void thePhraseBonusReordersTheBestMatchesAndPagesStillServeEachHitOnce() {
    // More matches than the phrase window, all with the same word scores; the half with the words
    // together have the later slugs, so without the bonus they would come second
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < ArticleIndex.PHRASE_WINDOW + 40; i++) {
      String title = i % 2 == 0 ? "Survey: platypus habitat " + i : "Platypus survey of a habitat " + i;
      articles.add(aPublishedArticle().titled(title).withBody("Field notes.").build());
    }
    Collections.shuffle(articles, new Random(11));
    for (int from = 0; from < articles.size(); from += 35) {
      index.update(articles.subList(from, Math.min(from + 35, articles.size())), List.of());
    }

    List<Hit> all = index.search("platypus habitat", NETWORK, 1000);
    assertThat(all).hasSize(articles.size());
    assertThat(all).isSortedAccordingTo(Comparator.comparing(Hit::score).reversed().thenComparing(Hit::slug));
    assertThat(all.getFirst().slug()).startsWith("survey-platypus-habitat-");
    assertThat(pages("platypus habitat", 9)).containsExactlyElementsOf(all.stream().map(Hit::slug).toList());
  }

  @Test
  void laterPagesScoreWithTheFirstPagesStatisticsSoPublishingMeanwhileRepeatsAndSkipsNothing() {
    List<String> before = wombatGuides();

    List<String> served = pagesWhilePublishing("wombat", 3, true, this::publishWombatsAndOthers);

    // Each that matched at the start exactly once; of the new ones, those ranking after the cursor
    assertThat(served.stream().filter(before::contains)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(served).doesNotHaveDuplicates().hasSizeGreaterThan(before.size());
  }

  @Test
  void withoutThePinnedStatisticsPublishingMeanwhileRepeatsOrSkipsArticles() {
    // What the test above guards against: every article's score moves with the statistics, so the
    // cursor's score no longer marks the same place
    List<String> before = wombatGuides();

    List<String> served = pagesWhilePublishing("wombat", 3, false, this::publishWombatsAndOthers);

    // Not each exactly once: some twice, or some never
    assertThat(served.stream().filter(before::contains).sorted().toList()).isNotEqualTo(before.stream().sorted().toList());
  }

  @Test
  void anArticleKeepsItsPhraseBonusOnLaterPagesWhenNewArticlesCrowdIntoTheWindow() {
    // Equal word scores: the window is the first 100 by slug, and the phrase half ("survey-…")
    // sorts last in it. New articles with the phrase and earlier slugs push them out of the best
    // 100 after they were served with their bonus; without it they would rank after the cursor again
    List<String> before = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < ArticleIndex.PHRASE_WINDOW + 40; i++) {
      String title = i % 2 == 0 ? "Survey: platypus habitat " + i : "Platypus survey of a habitat " + i;
      articles.add(aPublishedArticle().titled(title).withBody("Field notes.").build());
      before.add(articles.getLast().slug());
    }
    index.update(articles, List.of());
    int[] added = {0};

    List<String> served =
        pagesWhilePublishing("platypus habitat", 9, true, page -> {
          List<Article> crowd = new ArrayList<>();
          for (int i = 0; i < 15; i++) {
            crowd.add(aPublishedArticle().titled("Platypus habitat new " + added[0]++).withBody("Field notes.").build());
          }
          index.update(crowd, List.of());
        });

    assertThat(served.stream().filter(before::contains)).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aRankingIsRefusedWithAnotherQueryAndWhenAlteredNeverFailsOtherwise() {
    wombatGuides();
    Page first = index.page("wombat guide", NETWORK, null, 3);
    Hit last = first.hits().getLast();
    String ranking = first.ranking();

    assertThat(index.page("wombat guide", NETWORK, null, 1_000).ranking()).as("all hits on one page: none follows").isNull();
    assertThat(index.page("wombat guide", NETWORK, new After(last.score(), last.slug(), ranking), 3).ranking()).isEqualTo(ranking);
    assertThatThrownBy(() -> index.page("wombat", NETWORK, new After(last.score(), last.slug(), ranking), 3)).isInstanceOf(InvalidRanking.class);
    for (String altered : List.of(ranking + "AA", ranking.substring(0, ranking.length() - 2), "", "!!", "A".repeat(3_000))) {
      assertThatThrownBy(() -> index.page("wombat guide", NETWORK, new After(last.score(), last.slug(), altered), 3))
          .as(altered)
          .isInstanceOf(InvalidRanking.class);
    }
    // Every one-character change is refused or scores with figures an index could have had
    int refused = 0;
    for (int at = 0; at < ranking.length(); at++) {
      for (char c : "AQgw_-9z".toCharArray()) {
        String altered = ranking.substring(0, at) + c + ranking.substring(at + 1);
        try {
          assertThat(index.page("wombat guide", NETWORK, new After(last.score(), last.slug(), altered), 3).hits()).hasSizeLessThanOrEqualTo(3);
        } catch (InvalidRanking e) {
          refused++;
        }
      }
    }
    assertThat(refused).isPositive();
  }

  @Test
  void theRankingOfTheLongestQueryStaysSmall() {
    // Sixteen words (the most a query keeps), each in every field of every article
    List<String> words = List.of("alpaca", "badger", "camel", "dingo", "eland", "ferret", "gibbon", "hyena", "ibex", "jackal", "koala", "lemur", "marmot", "numbat", "otter", "panda");
    String text = String.join(" ", words);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      articles.add(aPublishedArticle().titled("Part " + i + " " + text).withSummary(text).withBody(text + " " + text).withFaq(text + "?", text).tagged(words.toArray(String[]::new)).build());
    }
    index.update(articles, List.of());

    Page page = index.page(text + " " + text, NETWORK, null, 5);

    assertThat(page.hits()).hasSize(5);
    assertThat(page.ranking()).hasSizeLessThan(PinnedRanking.MAX_ENCODED_LENGTH / 2);
    Hit last = page.hits().getLast();
    assertThat(index.page(text, NETWORK, new After(last.score(), last.slug(), page.ranking()), 5).hits()).hasSize(5);
  }

  /** Twelve articles that score exactly alike for "wombat": the cursor's score is theirs. */
  private List<String> wombatGuides() {
    List<Article> guides = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      guides.add(aPublishedArticle().titled("Wombat guide " + i).withBody("Notes.").build());
    }
    index.update(guides, List.of());
    return guides.stream().map(Article::slug).toList();
  }

  /** Two more matching articles (fewer articles per match) and four others (more articles). */
  private void publishWombatsAndOthers(int page) {
    List<Article> more = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      more.add(aPublishedArticle().titled("Wombat guide extra " + page + " " + i).withBody("Notes.").build());
    }
    for (int i = 0; i < 4; i++) {
      more.add(aPublishedArticle().titled("Kangaroo guide " + page + " " + i).withBody("Longer notes on other animals entirely.").build());
    }
    index.update(more, List.of());
  }

  /**
   * Every slug served, page after page, publishing before each page but the first. Pinned: each
   * page after the first carries the ranking, as the API's cursor does.
   */
  private List<String> pagesWhilePublishing(String query, int pageSize, boolean pinned, IntConsumer beforePage) {
    List<String> slugs = new ArrayList<>();
    After after = null;
    Page page;
    int number = 0;
    do {
      if (number++ > 0) {
        beforePage.accept(number);
      }
      page = index.page(query, NETWORK, after, pageSize);
      page.hits().forEach(hit -> slugs.add(hit.slug()));
      Hit last = page.hits().isEmpty() ? null : page.hits().getLast();
      after = last == null ? null : new After(last.score(), last.slug(), pinned ? page.ranking() : null);
    } while (page.hits().size() == pageSize && number < 200);
    return slugs;
  }

  @Test
  void aClinicsOwnArticlesMeetTheTagFilterToo() {
    Article camdenSleep = add(aPublishedArticle().titled("Sleep routines").tagged("sleep").forClinic("london-camden"));
    Article networkSleep = add(aPublishedArticle().titled("Sleep basics").tagged("sleep"));

    assertThat(index.search("sleep", new ArticleFilter("sleep", "london-camden", null), 10))
        .extracting(Hit::slug)
        .containsExactlyInAnyOrder(camdenSleep.slug(), networkSleep.slug());
    assertThat(index.search("sleep", new ArticleFilter("sleep", "toronto-annex", null), 10)).extracting(Hit::slug).containsExactly(networkSleep.slug());
    assertThat(index.search("sleep", new ArticleFilter("sleep", null, null), 10)).extracting(Hit::slug).containsExactly(networkSleep.slug());
  }

  /** Every slug, page after page, each page continuing after the last hit of the one before. */
  private List<String> pages(String query, int pageSize) {
    List<String> slugs = new ArrayList<>();
    After after = null;
    List<Hit> page;
    do {
      page = index.search(query, NETWORK, after, pageSize);
      page.forEach(hit -> slugs.add(hit.slug()));
      after = page.isEmpty() ? null : new After(page.getLast().score(), page.getLast().slug());
    } while (page.size() == pageSize);
    return slugs;
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
