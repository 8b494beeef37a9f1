package network.clinic.content.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import network.clinic.content.ContentProperties;
import network.clinic.content.FixedDelayTask;
import network.clinic.content.web.PublicCaching.Representation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Published articles as they are served (JSON and ETag) by slug, so a read by slug skips MongoDB.
 * That round trip was most of the cost of the read: the 304 path, which serializes nothing, ran
 * at about the same rate as the 200 path.
 *
 * <p>What is served stays as fresh as MongoDB, give or take one poll interval:
 *
 * <ul>
 *   <li>A write on this instance drops every entry before its response is sent ({@link
 *       ArticleChanged}), so its writer reads it back at once.
 *   <li>A write on another instance moves the change counter ({@link ArticleChanges}); it is read
 *       every poll interval, and when it moved, or could not be read, every entry is dropped.
 *   <li>A read that began before a drop must not store what it read as current: each entry keeps
 *       the generation in force when its read began, and only entries of the current generation
 *       are served.
 *   <li>Entries expire after max-age whatever the counter says, for a writer that died between its
 *       write and its bump.
 * </ul>
 *
 * Dropping everything on any write is coarse, but articles are written a few times a day and read
 * thousands of times; knowing which slug changed on another instance would need a change log.
 */
@Component
class PublishedArticleCache implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PublishedArticleCache.class);

  private final Cache<String, Entry> entries;
  private final boolean enabled;
  private final AtomicLong generation = new AtomicLong();
  private final LongSupplier changeCounter;
  private final Duration pollInterval;
  private final FixedDelayTask poller = new FixedDelayTask("article-cache-poll", this::poll);
  private volatile boolean running;
  /** Only the poll thread writes these two; others may ask what it has seen. */
  private volatile Long lastSeenChange;
  private boolean counterUnreadable;

  @Autowired
  PublishedArticleCache(ArticleChanges changes, ContentProperties properties, MeterRegistry registry) {
    this(changes::current, properties.articleCache(), Ticker.systemTicker());
    CaffeineCacheMetrics.monitor(registry, entries, "content.articles");
  }

  PublishedArticleCache(LongSupplier changeCounter, ContentProperties.ArticleCache settings, Ticker ticker) {
    this.changeCounter = changeCounter;
    this.pollInterval = settings.pollInterval();
    this.enabled = settings.maxSize().toBytes() > 0;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(settings.maxSize().toBytes())
            .weigher((String slug, Entry entry) -> entry.weight(slug))
            .expireAfterWrite(settings.maxAge())
            .ticker(ticker)
            .recordStats()
            .build();
  }

  /** The cached representation of {@code slug}, or what {@code read} makes of MongoDB now (kept). */
  Representation get(String slug, Supplier<Representation> read) {
    if (!enabled) {
      return read.get();
    }
    long current = generation.get();
    Entry entry = entries.getIfPresent(slug);
    if (entry != null && entry.generation() == current) {
      return entry.representation();
    }
    // Not stored when read throws: an unknown or draft slug is asked of MongoDB every time
    Representation fresh = read.get();
    entries.put(slug, new Entry(current, fresh));
    return fresh;
  }

  @EventListener
  void articleChanged(ArticleChanged event) {
    dropAll();
  }

  /** Never throws: MongoDB being away must not end the schedule. */
  void poll() {
    long counter;
    try {
      counter = changeCounter.getAsLong();
    } catch (RuntimeException e) {
      // Unknown whether another instance wrote: serve nothing unconfirmed
      dropAll();
      lastSeenChange = null;
      if (!counterUnreadable) {
        counterUnreadable = true;
        log.warn("Could not read the article change counter; cached articles are dropped at every poll until it can: {}", e.toString());
      }
      return;
    }
    if (counterUnreadable) {
      counterUnreadable = false;
      log.info("Article change counter readable again");
    }
    if (lastSeenChange == null || counter != lastSeenChange) {
      dropAll();
      lastSeenChange = counter;
    }
  }

  /**
   * Whether the poll has seen the counter at {@code counter} or later, so that no write up to it
   * will make the poll drop entries any more (tests wait for this before they fill the cache).
   */
  boolean hasSeen(long counter) {
    Long seen = lastSeenChange;
    return seen != null && seen >= counter;
  }

  private void dropAll() {
    generation.incrementAndGet();
    entries.invalidateAll();
  }

  @Override
  public void start() {
    poller.start(Duration.ZERO, pollInterval);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    poller.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record Entry(long generation, Representation representation) {

    /** Roughly the bytes it holds on the heap (two per char, plus object headers). */
    int weight(String slug) {
      return representation.json().length + 2 * (representation.etag().length() + slug.length()) + 64;
    }
  }
}
