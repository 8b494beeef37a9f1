package network.clinic.content.search;

import static network.clinic.content.article.TestArticles.aPublishedArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import network.clinic.content.ContentProperties;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleChanges;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch.Hit;
import network.clinic.content.article.Articles;
import network.clinic.content.article.TestArticles;
import network.clinic.content.rendering.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A restart with an index directory: only what changed in MongoDB while the instance was down is
 * read again, and the index agrees with MongoDB afterwards. MongoDB is a map here, so every article
 * read is counted.
 */
class SearchIndexRestartTests {

  private static final ArticleFilter NETWORK = new ArticleFilter(null, null, null);

  @TempDir Path directory;

  /** The articles collection, by id. */
  private final Map<String, Article> database = new TreeMap<>();
  /** Every id read by id since the last start. */
  private final List<String> readById = new CopyOnWriteArrayList<>();
  /** The threads that read the published versions since the last start. */
  private final List<String> comparedOn = new CopyOnWriteArrayList<>();
  /** Batch reads that succeed before MongoDB "goes away". */
  private int failReadsAfter = Integer.MAX_VALUE;

  @Test
  void aRestartWithNothingChangedReadsNoArticle() {
    for (int i = 0; i < 40; i++) {
      store(aPublishedArticle().titled("Quokka notes " + i).atVersion(i % 3).build());
    }
    Map<String, Long> built;
    try (Running first = start()) {
      assertThat(readById).hasSize(40);
      built = first.index().indexedVersions();
    }

    try (Running restarted = start().caughtUp()) {
      assertThat(readById).isEmpty();
      assertThat(restarted.index().indexedVersions()).isEqualTo(built);
      assertThat(restarted.index().search("quokka", NETWORK, 100)).hasSize(40);
    }
  }

  @Test
  void articlesChangedDeletedAddedOrUnpublishedWhileDownAreRightAfterARestart() {
    Article changed = store(aPublishedArticle().titled("Echidna spines").atVersion(1).build());
    Article deleted = store(aPublishedArticle().titled("Echidna burrows").build());
    Article unpublished = store(aPublishedArticle().titled("Echidna diet").build());
    Article untouched = store(aPublishedArticle().titled("Echidna eggs").build());
    try (Running first = start()) {
      assertThat(slugs(first.index().search("echidna", NETWORK, 10))).hasSize(4);
    }

    // Meanwhile, on other instances
    store(aPublishedArticle().withId(changed.id()).titled("Numbat stripes").atVersion(2).build());
    database.remove(deleted.id());
    store(TestArticles.unpublished(unpublished));
    Article added = store(aPublishedArticle().titled("Echidna and numbat compared").build());

    try (Running restarted = start().caughtUp()) {
      assertThat(readById).containsExactlyInAnyOrder(changed.id(), added.id());
      assertThat(slugs(restarted.index().search("echidna", NETWORK, 10))).containsExactlyInAnyOrder(untouched.slug(), added.slug());
      assertThat(slugs(restarted.index().search("numbat", NETWORK, 10))).containsExactlyInAnyOrder("numbat-stripes", added.slug());
      assertThat(restarted.index().indexedVersions()).isEqualTo(publishedVersions());
    }
  }

  @Test
  void aSyncAtStartThatFailsHalfwayKeepsWhatItReadSearchableAndCommitted() {
    int count = SearchIndexSynchronizer.BATCH_SIZE + 10;
    for (int i = 0; i < count; i++) {
      store(aPublishedArticle().titled("Bilby tracks " + i).build());
    }
    failReadsAfter = 1;
    try (Running first = start()) {
      // The sync at start publishes once, at its end: also when it ends early
      assertThat(first.index().search("bilby", NETWORK, 1000)).hasSize(SearchIndexSynchronizer.BATCH_SIZE);
    }
    failReadsAfter = Integer.MAX_VALUE;

    try (Running restarted = start().caughtUp()) {
      assertThat(readById).hasSize(10);
      assertThat(restarted.index().search("bilby", NETWORK, 1000)).hasSize(count);
    }
  }

  @Test
  void aRestartServesTheKeptIndexAtOnceAndComparesWithMongoDbOffTheStartingThread() {
    store(aPublishedArticle().titled("Wombat burrows").build());
    try (Running first = start()) {
      assertThat(comparedOn).containsExactly(Thread.currentThread().getName());
    }
    Article added = store(aPublishedArticle().titled("Wombat cubes").build());

    try (Running restarted = start()) {
      // Searchable as kept, before anything was read from MongoDB on this thread
      assertThat(comparedOn).doesNotContain(Thread.currentThread().getName());
      assertThat(restarted.index().search("wombat", NETWORK, 10)).isNotEmpty();
      restarted.caughtUp();
      assertThat(comparedOn).containsExactly("search-index-sync");
      assertThat(slugs(restarted.index().search("wombat", NETWORK, 10))).contains(added.slug()).hasSize(2);
    }
  }

  @Test
  void withoutADirectoryEveryStartReadsEveryArticle() {
    for (int i = 0; i < 5; i++) {
      store(aPublishedArticle().titled("Platypus bills " + i).build());
    }
    try (Running first = start(null)) {
      assertThat(readById).hasSize(5);
    }
    try (Running second = start(null)) {
      assertThat(readById).hasSize(5);
    }
  }

  private Article store(Article article) {
    database.put(article.id(), article);
    return article;
  }

  private Map<String, Long> publishedVersions() {
    return database.values().stream().filter(Article::isPublished).collect(Collectors.toMap(Article::id, Article::version));
  }

  private Running start() {
    return start(directory);
  }

  /**
   * Starts the index and its synchronizer as the service does: with an empty index the first sync
   * runs in start(), with a kept one in the first poll (see {@link Running#caughtUp()}).
   */
  private Running start(Path indexDirectory) {
    readById.clear();
    comparedOn.clear();
    Articles articles = mock(Articles.class);
    when(articles.publishedVersions()).thenAnswer(call -> {
      comparedOn.add(Thread.currentThread().getName());
      return publishedVersions();
    });
    when(articles.findAllById(any()))
        .thenAnswer(
            call -> {
              if (failReadsAfter-- <= 0) {
                throw new IllegalStateException("MongoDB went away");
              }
              Collection<String> ids = call.getArgument(0);
              readById.addAll(ids);
              return ids.stream().map(database::get).filter(Objects::nonNull).toList();
            });
    when(articles.findById(anyString()))
        .thenAnswer(
            call -> {
              readById.add(call.getArgument(0));
              return Optional.ofNullable(database.get(call.<String>getArgument(0)));
            });
    ArticleChanges changes = mock(ArticleChanges.class);
    when(changes.current()).thenReturn(1L);
    // Polls far apart: only the sync at start (or, with a kept index, the first poll) runs
    ContentProperties properties =
        new ContentProperties(
            DataSize.ofKilobytes(256),
            Duration.ofSeconds(60),
            new ContentProperties.Search(Duration.ofHours(1), Duration.ofHours(1), indexDirectory),
            new ContentProperties.ArticleCache(DataSize.ofMegabytes(1), Duration.ofHours(1), Duration.ofHours(1)),
            new ContentProperties.Seed(false));
    ArticleIndex index = new ArticleIndex(new MarkdownRenderer(), indexDirectory);
    SearchIndexSynchronizer synchronizer =
        new SearchIndexSynchronizer(index, articles, changes, properties, Clock.systemUTC(), new SimpleMeterRegistry());
    synchronizer.start();
    return new Running(index, synchronizer);
  }

  private record Running(ArticleIndex index, SearchIndexSynchronizer synchronizer) implements AutoCloseable {

    /** Once the first comparison with MongoDB has run. */
    Running caughtUp() {
      await().atMost(Duration.ofSeconds(30)).until(synchronizer::compared);
      return this;
    }

    @Override
    public void close() {
      synchronizer.stop();
      try {
        index.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<String> slugs(List<Hit> hits) {
    return hits.stream().map(Hit::slug).toList();
  }
}
