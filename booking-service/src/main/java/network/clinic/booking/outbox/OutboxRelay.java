package network.clinic.booking.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.size;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import network.clinic.support.tracing.TraceContinuity;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in appointment documents' outboxes to {@code
 * clinic.appointments.v1}, at least once and in order per appointment.
 *
 * <p>Any number of instances may run it: a document is claimed atomically with a lease in the
 * database, its entries are sent one by one, each only after the previous one's broker ack, and
 * only acknowledged entries are removed. A failure stops work on that document and leaves the
 * rest pending; the lease (shortened to the retry backoff) then lets any instance retry, with the
 * same event ids. An instance that dies mid-publish is covered the same way by lease expiry.
 */
@Component
class OutboxRelay {

  static final String SOURCE = "/booking-service";

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final OutboxMetrics metrics;
  private final Clock clock;
  private final TraceContinuity traces;
  // Random per instance (and per start): a restarted instance must not think it still holds the
  // leases of its previous life.
  private final String owner = UUID.randomUUID().toString();

  OutboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      OutboxProperties properties,
      OutboxMetrics metrics,
      Clock clock,
      TraceContinuity traces) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.traces = traces;
  }

  String owner() {
    return owner;
  }

  /**
   * The loop's entry point: one pass, never throwing into the loop.
   *
   * @param carryOn asked before each document; false ends the pass early (shutting down), after
   *     the document in hand is released, so no lease outlives this instance needlessly
   * @return whether the pass published up to its bound, so more is probably waiting right now
   */
  boolean runPass(BooleanSupplier carryOn) {
    try {
      Pass pass = pass(carryOn);
      // Only with progress: a document that keeps being claimed without publishing must not
      // turn the loop into a busy one.
      return pass.bounded() && pass.published() > 0;
    } catch (RuntimeException e) {
      // Typically the database is unreachable. Whatever was sent but not yet removed is sent again
      // later with the same ids. The message may not be ours to trust: log the type only.
      log.warn("Outbox relay pass failed: {}", e.getClass().getName());
      return false;
    }
  }

  /**
   * Claims and publishes documents until none is claimable, a send fails (the broker is likely
   * unreachable: no point waiting on it for each document) or the per-pass bound is reached.
   *
   * @return the number of events acknowledged by the broker in this pass
   */
  int publishPending() {
    return pass(() -> true).published();
  }

  private Pass pass(BooleanSupplier carryOn) {
    int published = 0;
    for (int i = 0; i < properties.maxDocumentsPerPass(); i++) {
      if (!carryOn.getAsBoolean()) {
        return new Pass(published, false);
      }
      Optional<Claim> claim = claimNext();
      if (claim.isEmpty()) {
        return new Pass(published, false);
      }
      Outcome outcome = publish(claim.get());
      published += outcome.sent();
      if (outcome.failed()) {
        return new Pass(published, false);
      }
    }
    return new Pass(published, true);
  }

  /** @param bounded whether it ended at the per-pass bound rather than for lack of work */
  private record Pass(int published, boolean bounded) {}

  /**
   * Publishes what these appointments have pending, each claimed by its id: no search for pending
   * documents, so its cost does not grow with the collection. One that is not claimable (nothing
   * pending any more, or leased to another instance) is skipped; the poll is there for it.
   */
  void publishAppointments(Collection<String> appointmentIds, BooleanSupplier carryOn) {
    try {
      for (String appointmentId : appointmentIds) {
        if (!carryOn.getAsBoolean()) {
          return;
        }
        Optional<Claim> claim = claim(and(eq("_id", appointmentId), claimable(clock.instant())));
        if (claim.isPresent() && publish(claim.get()).failed()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Outbox relay failed publishing signalled appointments: {}", e.getClass().getName());
    }
  }

  /**
   * Atomically takes the document pending longest whose lease is absent or expired, leasing it to
   * this instance.
   */
  Optional<Claim> claimNext() {
    return claim(claimable(clock.instant()));
  }

  private Optional<Claim> claim(Bson filter) {
    Instant now = clock.instant();
    Instant until = now.plus(properties.lease());
    Document claimed = appointments().findOneAndUpdate(
        filter,
        combine(set(Outbox.LEASE_OWNER, owner), set(Outbox.LEASE_UNTIL, Date.from(until))),
        new FindOneAndUpdateOptions()
            .sort(ascending(Outbox.PENDING_SINCE))
            .projection(include(Outbox.ENTRIES))
            .returnDocument(ReturnDocument.AFTER));
    if (claimed == null) {
      return Optional.empty();
    }
    return Optional.of(new Claim(claimed.getString("_id"), until, entries(claimed)));
  }

  /** Pending now and not leased to a live instance. {@code eq(null)} matches a missing field. */
  static Bson claimable(Instant now) {
    Date date = Date.from(now);
    return and(
        lte(Outbox.PENDING_SINCE, date),
        or(eq(Outbox.LEASE_UNTIL, null), lte(Outbox.LEASE_UNTIL, date)));
  }

  /** Sends the claimed entries in order, then removes the acknowledged ones and ends the claim. */
  Outcome publish(Claim claim) {
    List<String> sent = new ArrayList<>();
    boolean failed = false;
    for (OutboxEntry entry : claim.entries()) {
      // Never start a send that could outlive the lease: another instance could then publish
      // the same entries concurrently and out of order with ours. The rest waits for a new claim.
      if (clock.instant().plus(properties.sendTimeout()).isAfter(claim.leaseUntil())) {
        break;
      }
      // The publish continues the trace of the request that made the change, so one trace runs
      // from that request through Kafka to the notification it causes.
      boolean acknowledged = traces.continueTrace(entry.traceparent(), "outbox publish", () -> send(claim.appointmentId(), entry));
      if (!acknowledged) {
        failed = true;
        break;
      }
      sent.add(entry.eventId());
    }
    release(claim.appointmentId(), sent, failed);
    return new Outcome(sent.size(), failed);
  }

  private boolean send(String appointmentId, OutboxEntry entry) {
    long start = System.nanoTime();
    try {
      kafka.send(record(appointmentId, entry))
          .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      metrics.published(entry.type(), System.nanoTime() - start);
      return true;
    } catch (InterruptedException e) {
      // Shutting down: the entry stays pending and is sent again with the same id.
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Ids and exception types only: bodies carry personal data.
      log.warn("Publishing event {} of appointment {} failed, will retry: {}",
          entry.eventId(), appointmentId, causes(e));
    }
    metrics.failed(System.nanoTime() - start);
    return false;
  }

  /** e.g. "ExecutionException < KafkaProducerException < TimeoutException". */
  private static String causes(Throwable e) {
    StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      chain.append(" < ").append(cause.getClass().getSimpleName());
    }
    return chain.toString();
  }

  /** No traceparent here: the observed template adds the send span's, inside the change's trace. */
  static ProducerRecord<String, String> record(String appointmentId, OutboxEntry entry) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    header(headers, CloudEventHeaders.ID, entry.eventId());
    header(headers, CloudEventHeaders.SOURCE, SOURCE);
    header(headers, CloudEventHeaders.TYPE, entry.type());
    header(headers, CloudEventHeaders.TIME, entry.occurredAt().toString());
    header(headers, CloudEventHeaders.SUBJECT, appointmentId);
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    return new ProducerRecord<>(
        AppointmentTopics.APPOINTMENTS, null, appointmentId, entry.payload(), headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(new RecordHeader(name, value.getBytes(UTF_8)));
  }

  /**
   * Removes exactly the acknowledged entries and ends the lease; after a failure the lease is
   * kept for the retry backoff instead, so this document is not hammered while others proceed.
   * Entries appended meanwhile are untouched: {@code $pull} removes by event id only.
   */
  private void release(String appointmentId, List<String> sent, boolean failed) {
    List<Bson> changes = new ArrayList<>();
    if (!sent.isEmpty()) {
      changes.add(pull(Outbox.ENTRIES, in(OutboxEntry.EVENT_ID, sent)));
    }
    if (failed) {
      Instant retryAt = clock.instant().plus(properties.retryBackoff());
      changes.add(set(Outbox.LEASE_UNTIL, Date.from(retryAt)));
    } else {
      changes.add(unset(Outbox.LEASE_OWNER));
      changes.add(unset(Outbox.LEASE_UNTIL));
    }
    FindOneAndUpdateOptions returnEntries = new FindOneAndUpdateOptions()
        .projection(include(Outbox.ENTRIES))
        .returnDocument(ReturnDocument.AFTER);
    Document after = appointments().findOneAndUpdate(
        and(eq("_id", appointmentId), eq(Outbox.LEASE_OWNER, owner)),
        combine(changes),
        returnEntries);
    if (after == null && !sent.isEmpty()) {
      // The lease expired and another instance took over: still remove what the broker has
      // acknowledged (removing by id is harmless if it did too), but leave its lease alone.
      after = appointments().findOneAndUpdate(
          eq("_id", appointmentId),
          pull(Outbox.ENTRIES, in(OutboxEntry.EVENT_ID, sent)),
          returnEntries);
    }
    if (after != null) {
      settlePendingSince(appointmentId, entries(after));
    }
  }

  /**
   * Makes {@code outboxPendingSince} match the entries left after a removal. Update operators
   * cannot read another field, so this is a second, conditional update; a pipeline update could
   * do it in one step on MongoDB, but the embedded wire server used in tests has none. The
   * condition keeps a concurrent append safe: an entry pushed after {@code remaining} was read
   * makes the update match nothing, and that append's own {@code $min} keeps the document
   * visible to the poll (at worst with an older date, which only makes it claimable sooner).
   */
  void settlePendingSince(String appointmentId, List<OutboxEntry> remaining) {
    if (remaining.isEmpty()) {
      appointments().updateOne(
          and(eq("_id", appointmentId), size(Outbox.ENTRIES, 0)),
          combine(unset(Outbox.PENDING_SINCE), unset(Outbox.ENTRIES)));
    } else {
      // Entries are appended, so the first one is the oldest; appends after it don't change that.
      OutboxEntry oldest = remaining.getFirst();
      String firstEventId = Outbox.ENTRIES + ".0." + OutboxEntry.EVENT_ID;
      appointments().updateOne(
          and(eq("_id", appointmentId), eq(firstEventId, oldest.eventId())),
          set(Outbox.PENDING_SINCE, Date.from(oldest.occurredAt())));
    }
  }

  private MongoCollection<Document> appointments() {
    return mongo.getCollection(Outbox.COLLECTION);
  }

  private static List<OutboxEntry> entries(Document document) {
    List<Document> entries = document.getList(Outbox.ENTRIES, Document.class, List.of());
    return entries.stream().map(OutboxEntry::fromDocument).toList();
  }

  /** A document leased to this instance until {@code leaseUntil}, with its entries in order. */
  record Claim(String appointmentId, Instant leaseUntil, List<OutboxEntry> entries) {}

  record Outcome(int sent, boolean failed) {}
}
