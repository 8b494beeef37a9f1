package network.clinic.booking.outbox;

import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.excludeId;
import static com.mongodb.client.model.Projections.fields;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import network.clinic.events.EventType;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What ops watch about the outbox: how much is waiting, for how long, and how publishing goes.
 * Tags are bounded: an outcome and the (known) event type, never an id.
 *
 * <p>The gauges are database-wide, so every instance reports the same values: aggregate them
 * with max, not sum. They are re-read on a schedule rather than at scrape time, so a slow or
 * unreachable database never stalls the Prometheus scrape.
 */
@Component
class OutboxMetrics {

  private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

  private final MeterRegistry registry;
  private final MongoTemplate mongo;
  private final Clock clock;
  private final Timer publishSuccess;
  private final Timer publishFailure;
  private final AtomicLong pendingDocuments = new AtomicLong();
  private final AtomicReference<Instant> oldestPendingSince = new AtomicReference<>();

  OutboxMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
    this.registry = registry;
    this.mongo = mongo;
    this.clock = clock;
    this.publishSuccess = publishTimer("success");
    this.publishFailure = publishTimer("failure");
    Gauge.builder("booking.outbox.pending", pendingDocuments, AtomicLong::get)
        .description("Appointment documents with events not yet acknowledged by the broker")
        .strongReference(true)
        .register(registry);
    Gauge.builder("booking.outbox.oldest.pending.age", this, OutboxMetrics::oldestPendingAgeSeconds)
        .description("Age of the oldest event not yet acknowledged by the broker; 0 when none")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private Timer publishTimer(String outcome) {
    return Timer.builder("booking.outbox.publish")
        .description("Time from sending an outbox event to the broker's ack (or the failure)")
        .tag("outcome", outcome)
        // Buckets, so dashboards can show percentiles aggregated over instances.
        .publishPercentileHistogram()
        .register(registry);
  }

  void published(String cloudEventType, long nanos) {
    publishSuccess.record(nanos, TimeUnit.NANOSECONDS);
    // Types come from stored documents: anything unknown shares one tag value.
    String type =
        EventType.fromCloudEventType(cloudEventType).isPresent() ? cloudEventType : "unknown";
    Counter.builder("booking.outbox.events.published")
        .description("Outbox events acknowledged by the broker")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  void failed(long nanos) {
    publishFailure.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Re-reads the gauges' values in one pass over the pending documents' dates, which the sparse
   * index on the pending date holds (usually none or a few). Not {@code countDocuments}: that is an
   * aggregation, which the wire server answers by scanning every appointment whatever the indexes.
   */
  void refresh() {
    try {
      MongoCollection<Document> appointments = mongo.getCollection(Outbox.COLLECTION);
      long pending = 0;
      Date oldest = null;
      for (Document document : appointments.find(exists(Outbox.PENDING_SINCE))
          .projection(fields(include(Outbox.PENDING_SINCE), excludeId()))) {
        Date since = document.getDate(Outbox.PENDING_SINCE);
        pending++;
        oldest = oldest == null || since.before(oldest) ? since : oldest;
      }
      pendingDocuments.set(pending);
      oldestPendingSince.set(oldest == null ? null : oldest.toInstant());
    } catch (MongoException e) {
      // Keep the last values; the mongo health indicator reports the outage itself.
      log.warn("Could not refresh outbox metrics: {}", e.getClass().getSimpleName());
    }
  }

  private double oldestPendingAgeSeconds() {
    Instant since = oldestPendingSince.get();
    if (since == null) {
      return 0;
    }
    return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
  }
}
