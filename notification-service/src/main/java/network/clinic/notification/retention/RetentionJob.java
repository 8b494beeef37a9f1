package network.clinic.notification.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes processed-event and message records once they are older than the configured age. A job
 * rather than TTL indexes: the embedded MongoDB-wire server accepts TTL indexes but never expires
 * anything, and one job behaves the same on both. Any number of instances may run it: deleting
 * twice is harmless.
 */
@Component
public class RetentionJob {

  static final String DELETED = "notification.retention.deleted";

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final List<ExpiredRecords> records;
  private final RetentionProperties properties;
  private final Clock clock;
  private final MeterRegistry registry;

  RetentionJob(
      List<ExpiredRecords> records,
      RetentionProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.records = List.copyOf(records);
    this.properties = properties;
    this.clock = clock;
    this.registry = registry;
    this.records.forEach(kind -> deleted(kind.name()));
  }

  /**
   * One run.
   *
   * @return how many records of each kind were deleted
   */
  public Map<String, Long> purge() {
    Instant cutoff = clock.instant().minus(properties.maxAge());
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (ExpiredRecords kind : records) {
      long count = kind.deleteFinishedBefore(cutoff);
      deleted(kind.name()).increment(count);
      deleted.put(kind.name(), count);
    }
    log.info("Retention: deleted {} finished before {}", deleted, cutoff);
    return deleted;
  }

  void runScheduled() {
    try {
      purge();
    } catch (RuntimeException e) {
      // The database may be briefly unreachable: the next run catches up.
      log.warn("Retention run failed: {}", e.getClass().getName());
    }
  }

  private Counter deleted(String kind) {
    return Counter.builder(DELETED)
        .description("Records deleted by the retention job, by kind")
        .tag("kind", kind)
        .register(registry);
  }
}
