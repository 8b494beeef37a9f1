package network.clinic.content.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import network.clinic.content.ContentProperties;
import network.clinic.content.FixedDelayTask;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleChanged;
import network.clinic.content.article.ArticleChanges;
import network.clinic.content.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index equal to MongoDB's published articles.
 *
 * <ul>
 *   <li>At start with an empty index (in memory, or a new directory): a full build from MongoDB
 *       before the web server takes requests. With the index a directory kept from the last run:
 *       that index is served at once, and the first poll, right away, reads only what changed
 *       while this instance was down — searches lag for those seconds as they lag writes made on
 *       other instances, while comparing 10,000 articles' versions took ~3 s of the start.
 *   <li>Writes on this instance: applied at once ({@link ArticleChanged}).
 *   <li>Writes on other instances: every poll interval the change counter is read; when it moved,
 *       the index compares (id, version) of every published article with what it holds and
 *       reloads only the differences, {@value #BATCH_SIZE} articles per query. A full comparison
 *       also runs every resync interval, whatever the counter says.
 * </ul>
 *
 * Comparing versions rather than following timestamps means no clock skew, no lost write that
 * committed out of order, and deletions need no tombstones.
 */
@Component
class SearchIndexSynchronizer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexSynchronizer.class);

  /** Articles read from MongoDB per query when many changed at once. */
  static final int BATCH_SIZE = 500;

  private final ArticleIndex index;
  private final Articles articles;
  private final ArticleChanges changes;
  private final Duration pollInterval;
  private final Duration fullResyncInterval;
  private final Clock clock;
  private final FixedDelayTask poller = new FixedDelayTask("search-index-sync", this::poll);
  private volatile boolean running;
  private long lastSeenChange = -1;
  private volatile boolean compared;
  private Instant lastFullResync = Instant.MIN;

  SearchIndexSynchronizer(
      ArticleIndex index, Articles articles, ArticleChanges changes, ContentProperties properties, Clock clock, MeterRegistry registry) {
    this.index = index;
    this.articles = articles;
    this.changes = changes;
    this.pollInterval = properties.search().pollInterval();
    this.fullResyncInterval = properties.search().fullResyncInterval();
    this.clock = clock;
    Gauge.builder("content.search.index.articles", index, ArticleIndex::size)
        .description("Published articles in this instance's search index")
        .register(registry);
  }

  @Override
  public synchronized void start() {
    boolean kept = index.size() > 0;
    if (!kept) {
      sync(false);
    }
    poller.start(kept ? Duration.ZERO : pollInterval, pollInterval);
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    poller.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server starts, so the first request already finds a full index. */
  @Override
  public int getPhase() {
    return 0;
  }

  /**
   * The write has succeeded by now: a failure here must not fail the request, and the next poll
   * repairs the index anyway (the write bumped the counter).
   */
  @EventListener
  void articleChanged(ArticleChanged event) {
    try {
      articles.findById(event.articleId()).ifPresentOrElse(index::apply, () -> index.remove(event.articleId()));
    } catch (RuntimeException e) {
      log.warn("Could not index article {} now; the next sync will: {}", event.articleId(), e.toString());
    }
  }

  void poll() {
    sync(true);
  }

  /** Whether the index has been compared with MongoDB since this start (at once, or by a poll). */
  boolean compared() {
    return compared;
  }

  /**
   * Never throws: MongoDB being away must not kill the schedule; the next poll tries again.
   *
   * @param serving whether searches are being served: each batch is then searchable as soon as
   *     it is read; before that (at start), the index is published once, at the end
   */
  private void sync(boolean serving) {
    try {
      long counter = changes.current();
      Instant now = clock.instant();
      boolean fullDue = !now.isBefore(lastFullResync.plus(fullResyncInterval));
      if (counter != lastSeenChange || fullDue) {
        resync(serving);
        lastSeenChange = counter;
        lastFullResync = fullDue ? now : lastFullResync;
      }
      compared = true;
    } catch (RuntimeException e) {
      log.warn("Search index sync failed; retrying in {}: {}", pollInterval, e.toString());
    }
  }

  private void resync(boolean serving) {
    Map<String, Long> wanted = articles.publishedVersions();
    Map<String, Long> held = index.indexedVersions();
    List<String> stale =
        wanted.entrySet().stream()
            .filter(entry -> !Objects.equals(held.get(entry.getKey()), entry.getValue()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    List<String> gone = held.keySet().stream().filter(id -> !wanted.containsKey(id)).toList();
    if (stale.isEmpty() && gone.isEmpty()) {
      return;
    }
    // In batches, in id order: one reply per batch stays far below MongoDB's message limit however
    // many articles changed, and while serving each batch is searchable (and on disk committed) as
    // soon as it is read. If a batch fails, the counter is not marked as seen, so the next poll
    // compares versions again and reloads only what is still missing.
    try {
      index.write(List.of(), gone);
      if (serving) {
        index.publish();
      }
      for (int from = 0; from < stale.size(); from += BATCH_SIZE) {
        List<String> batch = stale.subList(from, Math.min(from + BATCH_SIZE, stale.size()));
        List<Article> found = articles.findAllById(batch);
        Set<String> foundIds = found.stream().map(Article::id).collect(Collectors.toSet());
        // Deleted since the comparison: nothing to read, so it leaves the index now
        List<String> deleted = batch.stream().filter(id -> !foundIds.contains(id)).toList();
        index.write(found, deleted);
        if (serving) {
          index.publish();
        }
      }
    } finally {
      // Also what was read before a failure: it is correct, and saves reading it again
      index.publish();
    }
    log.info("Search index synced: {} updated, {} removed, {} indexed", stale.size(), gone.size(), index.size());
  }
}
