package network.clinic.content.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import network.clinic.content.ContentProperties;
import network.clinic.content.web.PublicCaching.Representation;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class PublishedArticleCacheTests {

  private static final ContentProperties.ArticleCache SETTINGS =
      new ContentProperties.ArticleCache(DataSize.ofMegabytes(1), Duration.ofSeconds(2), Duration.ofSeconds(60));

  private final AtomicLong counter = new AtomicLong();
  private final AtomicBoolean counterReadable = new AtomicBoolean(true);
  private final AtomicLong nanos = new AtomicLong();
  private final PublishedArticleCache cache = new PublishedArticleCache(this::readCounter, SETTINGS, nanos::get);
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void aSecondReadIsServedWithoutAskingMongoDb() {
    Representation first = cache.get("cupping", read("v1"));

    assertThat(cache.get("cupping", read("v2"))).isSameAs(first);
    assertThat(reads).hasValue(1);
    cache.get("back-pain", read("other"));
    assertThat(reads).hasValue(2);
  }

  @Test
  void aWriteOnThisInstanceIsServedAtOnce() {
    cache.get("cupping", read("v1"));

    cache.articleChanged(new ArticleChanged("any-id"));

    assertThat(text(cache.get("cupping", read("v2")))).isEqualTo("v2");
  }

  @Test
  void aWriteOnAnotherInstanceIsServedAfterThePollSeesTheCounterMove() {
    cache.poll();
    cache.get("cupping", read("v1"));

    cache.poll();
    assertThat(text(cache.get("cupping", read("v2")))).as("counter unchanged").isEqualTo("v1");

    counter.incrementAndGet();
    cache.poll();
    assertThat(text(cache.get("cupping", read("v2")))).isEqualTo("v2");
  }

  @Test
  void anUnreadableCounterDropsEverythingUntilItIsReadableAgain() {
    cache.poll();
    cache.get("cupping", read("v1"));

    counterReadable.set(false);
    cache.poll();
    assertThat(text(cache.get("cupping", read("v2")))).isEqualTo("v2");
    cache.poll();
    assertThat(text(cache.get("cupping", read("v3")))).as("dropped at every poll").isEqualTo("v3");

    counterReadable.set(true);
    cache.poll();
    cache.get("cupping", read("v4"));
    cache.poll();
    assertThat(text(cache.get("cupping", read("v5")))).as("kept again").isEqualTo("v4");
  }

  @Test
  void aReadOverlappingAWriteIsNotServedAfterIt() {
    // The read saw MongoDB before the write landed; the write's drop came before the read stored
    // its result. Stored as current, the old text would be served until the next write.
    Supplier<Representation> readRacingAWrite =
        () -> {
          Representation old = read("before the write").get();
          cache.articleChanged(new ArticleChanged("any-id"));
          return old;
        };
    assertThat(text(cache.get("cupping", readRacingAWrite))).isEqualTo("before the write");

    assertThat(text(cache.get("cupping", read("after the write")))).isEqualTo("after the write");
    assertThat(text(cache.get("cupping", read("not read again")))).isEqualTo("after the write");
  }

  @Test
  void entriesExpireAfterMaxAgeWhateverTheCounterSays() {
    cache.get("cupping", read("v1"));

    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(text(cache.get("cupping", read("v2")))).isEqualTo("v1");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(text(cache.get("cupping", read("v2")))).isEqualTo("v2");
  }

  @Test
  void articlesBeyondTheSizeAreNotAllKept() {
    PublishedArticleCache small =
        new PublishedArticleCache(counter::get, new ContentProperties.ArticleCache(DataSize.ofKilobytes(4), Duration.ofSeconds(2), Duration.ofSeconds(60)), nanos::get);
    String kilobyte = "x".repeat(1024);
    for (int i = 0; i < 20; i++) {
      small.get("article-" + i, read(kilobyte));
    }

    // Caffeine evicts in the background: a pass over all 20 (about 22 KB) reads nearly all again
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      int before = reads.get();
      for (int i = 0; i < 20; i++) {
        small.get("article-" + i, read(kilobyte));
      }
      assertThat(reads.get() - before).as("articles read again of 20, with 4 KB kept").isGreaterThanOrEqualTo(16);
    });
  }

  @Test
  void aFailedReadIsNotKept() {
    Supplier<Representation> notFound =
        () -> {
          reads.incrementAndGet();
          throw ArticleProblems.notFound();
        };

    assertThatThrownBy(() -> cache.get("draft", notFound)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> cache.get("draft", notFound)).isInstanceOf(RuntimeException.class);
    assertThat(reads).hasValue(2);
  }

  @Test
  void sizeZeroTurnsTheCacheOff() {
    PublishedArticleCache off =
        new PublishedArticleCache(counter::get, new ContentProperties.ArticleCache(DataSize.ofBytes(0), Duration.ofSeconds(2), Duration.ofSeconds(60)), nanos::get);

    off.get("cupping", read("v1"));
    assertThat(text(off.get("cupping", read("v2")))).isEqualTo("v2");
  }

  private long readCounter() {
    if (!counterReadable.get()) {
      throw new IllegalStateException("MongoDB away");
    }
    return counter.get();
  }

  private Supplier<Representation> read(String text) {
    return () -> {
      reads.incrementAndGet();
      return new Representation(text.getBytes(StandardCharsets.UTF_8), "\"" + text + "\"");
    };
  }

  private static String text(Representation representation) {
    return new String(representation.json(), StandardCharsets.UTF_8);
  }
}
