package network.clinic.content;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * The service's own meters. Every tag comes from a small fixed set (never a slug, a tag or a
 * query), so the number of series stays bounded. The 304 ratio is
 * {@code content_reads_total{outcome="not_modified"}} over all {@code content_reads_total}.
 */
@Component
public class ContentMetrics {

  public enum Resource {
    ARTICLE,
    LIST,
    SEARCH
  }

  public enum ReadOutcome {
    OK,
    NOT_MODIFIED,
    NOT_FOUND
  }

  public enum ImportOutcome {
    CREATED,
    UPDATED,
    REJECTED
  }

  private static final List<String> WRITE_ACTIONS = List.of("create", "update", "publish", "unpublish", "delete", "seed");

  private final MeterRegistry registry;
  private final Timer searchesWithHits;
  private final Timer searchesWithoutHits;

  ContentMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.searchesWithHits = searchTimer("hits");
    this.searchesWithoutHits = searchTimer("no_hits");
  }

  public void read(Resource resource, ReadOutcome outcome) {
    Counter.builder("content.reads")
        .description("Public article reads, by what was read and how it was answered")
        .tag("resource", tag(resource))
        .tag("outcome", tag(outcome))
        .register(registry)
        .increment();
  }

  /** Times a search; {@code hitCount} tells whether it found anything. */
  public <T> T search(Supplier<T> search, ToIntFunction<T> hitCount) {
    long start = System.nanoTime();
    T result = search.get();
    (hitCount.applyAsInt(result) > 0 ? searchesWithHits : searchesWithoutHits)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    return result;
  }

  public void imported(ImportOutcome outcome) {
    Counter.builder("content.imports").description("Blog post imports").tag("outcome", tag(outcome)).register(registry).increment();
  }

  public void written(String action) {
    String known = WRITE_ACTIONS.contains(action) ? action : "other";
    Counter.builder("content.writes").description("Article changes by staff, imports and seeding").tag("action", known).register(registry).increment();
  }

  private Timer searchTimer(String outcome) {
    return Timer.builder("content.search")
        .description("Full-text searches: time to rank and load a page")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
