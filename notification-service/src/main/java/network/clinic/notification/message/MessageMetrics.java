package network.clinic.notification.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What ops watch about messages: sent and failed by channel and type, the backlog and its age,
 * and how long patients wait. Tags take a few fixed values only.
 *
 * <p>The backlog gauges are database-wide, so every instance reports the same values: aggregate
 * them with max, not sum. They are re-read on a schedule, never at scrape time, so a slow
 * database never stalls the Prometheus scrape.
 */
@Component
class MessageMetrics {

  static final String SENT = "notification.messages.sent";
  static final String FAILED = "notification.messages.failed";
  static final String ATTEMPTS_FAILED = "notification.messages.attempts.failed";
  static final String EXPIRED = "notification.messages.expired";
  static final String LATENCY = "notification.delivery.latency";
  static final String PENDING = "notification.messages.pending";
  static final String OLDEST_PENDING_AGE = "notification.messages.oldest.pending.age";
  static final String SCHEDULED = "notification.messages.scheduled";

  /** Buckets for alerts such as "95% of confirmations within a minute". */
  private static final Duration[] LATENCY_SLOS = {
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)
  };

  private static final Logger log = LoggerFactory.getLogger(MessageMetrics.class);

  private final MeterRegistry registry;
  private final MessageStore store;
  private final Clock clock;
  private final AtomicLong due = new AtomicLong();
  private final AtomicLong scheduled = new AtomicLong();
  private final AtomicReference<Instant> oldestDue = new AtomicReference<>();

  MessageMetrics(MeterRegistry registry, MessageStore store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
    // Registered up front so dashboards and rate() start from zero instead of "no data".
    for (Channel channel : Channel.values()) {
      for (MessageKind kind : MessageKind.values()) {
        counter(SENT, "Messages accepted by the SMTP server or SMS provider", channel, kind);
        counter(FAILED, "Messages given up after a permanent failure or the last attempt",
            channel, kind);
        counter(ATTEMPTS_FAILED, "Sending attempts that failed and will be retried",
            channel, kind);
        counter(EXPIRED, "Reminders not sent because their appointment had started",
            channel, kind);
        latency(channel, kind);
      }
    }
    Gauge.builder(PENDING, due, AtomicLong::get)
        .description("Messages due and not yet sent")
        .strongReference(true)
        .register(registry);
    Gauge.builder(OLDEST_PENDING_AGE, this, MessageMetrics::oldestDueAgeSeconds)
        .description("How long the longest-waiting due message has been due; 0 when none")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    Gauge.builder(SCHEDULED, scheduled, AtomicLong::get)
        .description("Messages due later, such as reminders")
        .strongReference(true)
        .register(registry);
  }

  void sent(Channel channel, MessageKind kind, Duration latency) {
    counter(SENT, null, channel, kind).increment();
    latency(channel, kind).record(latency.isNegative() ? Duration.ZERO : latency);
  }

  void failed(Channel channel, MessageKind kind) {
    counter(FAILED, null, channel, kind).increment();
  }

  void attemptFailed(Channel channel, MessageKind kind) {
    counter(ATTEMPTS_FAILED, null, channel, kind).increment();
  }

  void expired(Channel channel, MessageKind kind) {
    counter(EXPIRED, null, channel, kind).increment();
  }

  /** Re-reads the backlog gauges. */
  void refresh() {
    try {
      Instant now = clock.instant();
      due.set(store.countDue(now));
      scheduled.set(store.countScheduled(now));
      oldestDue.set(store.oldestDue(now).orElse(null));
    } catch (RuntimeException e) {
      // Keep the last values; the mongo health indicator reports the outage itself.
      log.warn("Could not refresh message metrics: {}", e.getClass().getSimpleName());
    }
  }

  private double oldestDueAgeSeconds() {
    Instant since = oldestDue.get();
    if (since == null) {
      return 0;
    }
    return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
  }

  private Counter counter(String name, String description, Channel channel, MessageKind kind) {
    return Counter.builder(name)
        .description(description)
        .tag("channel", channel.tag())
        .tag("type", kind.tag())
        .register(registry);
  }

  private Timer latency(Channel channel, MessageKind kind) {
    return Timer.builder(LATENCY)
        .description("From the appointment change (a reminder: its due time) to the provider"
            + " accepting the message")
        .tag("channel", channel.tag())
        .tag("type", kind.tag())
        .serviceLevelObjectives(LATENCY_SLOS)
        .minimumExpectedValue(Duration.ofMillis(100))
        .maximumExpectedValue(Duration.ofDays(1))
        .register(registry);
  }
}
