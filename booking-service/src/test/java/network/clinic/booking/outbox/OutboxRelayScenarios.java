package network.clinic.booking.outbox;

import static network.clinic.booking.outbox.AppointmentEventBuilder.anEvent;
import static network.clinic.booking.outbox.AppointmentRecords.header;
import static network.clinic.events.EventType.BOOKED;
import static network.clinic.events.EventType.CANCELLED;
import static network.clinic.events.EventType.RESCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Invariant 2 on a real broker and database: every committed event is published at least once,
 * with the same id on retry, in order per appointment, never removed before the broker's ack, and
 * never doubled by two relay instances. Runs on {@code EmbeddedInfrastructure} and on the real
 * images. The relay of this test context does not run by itself: scenarios drive it step by step,
 * or start further instances (their own Spring contexts) whose relay loop runs it.
 */
@SpringBootTest(
    properties = {
      OutboxRelayScenarios.POLL_INTERVAL,
      OutboxRelayScenarios.RETRY_BACKOFF,
      OutboxRelayScenarios.SEND_TIMEOUT,
      OutboxRelayScenarios.MAX_BLOCK,
      OutboxRelayScenarios.REQUEST_TIMEOUT,
      OutboxRelayScenarios.DELIVERY_TIMEOUT,
      OutboxRelayScenarios.METRICS_REFRESH,
      "clinic.outbox.enabled=false"
    })
@ExtendWith(OutputCaptureExtension.class)
abstract class OutboxRelayScenarios {

  // Short timeouts so the unreachable-broker scenario fails sends in about a second.
  static final String POLL_INTERVAL = "clinic.outbox.poll-interval=50ms";
  static final String RETRY_BACKOFF = "clinic.outbox.retry-backoff=300ms";
  static final String SEND_TIMEOUT = "clinic.outbox.send-timeout=3s";
  static final String MAX_BLOCK = "clinic.outbox.producer.max-block=1s";
  static final String REQUEST_TIMEOUT = "clinic.outbox.producer.request-timeout=1s";
  static final String DELIVERY_TIMEOUT = "clinic.outbox.producer.delivery-timeout=2s";
  // Scenarios refresh the gauges themselves.
  static final String METRICS_REFRESH = "clinic.outbox.metrics-refresh=1h";

  static final List<String> FAST_RELAY = Stream.of(
          POLL_INTERVAL, RETRY_BACKOFF, SEND_TIMEOUT, MAX_BLOCK, REQUEST_TIMEOUT, DELIVERY_TIMEOUT,
          METRICS_REFRESH)
      .map(property -> "--" + property)
      .toList();

  private static final String ANOTHER_INSTANCE = "another-instance";

  @Autowired OutboxRelay relay;
  @Autowired OutboxMetrics metrics;
  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;
  @Autowired Environment environment;
  @Autowired Clock clock;

  @Test
  void pendingEventsArePublishedInOrderWithCloudEventHeadersThenRemoved() {
    String id = newAppointmentId();
    Instant committed = now().minusSeconds(5);
    OutboxEntry booked = anEvent(BOOKED).forAppointment(id).sequence(1).occurredAt(committed).entry();
    OutboxEntry moved =
        anEvent(RESCHEDULED).forAppointment(id).sequence(2).occurredAt(committed.plusSeconds(1)).entry();
    double bookedBefore = publishedCount(BOOKED);
    long acksBefore = publishTimerCount("success");

    try (AppointmentRecords records = records()) {
      insertAppointment(id, booked, moved);

      assertThat(relay.publishPending()).isGreaterThanOrEqualTo(2);

      List<ConsumerRecord<String, String>> received = records.awaitForKey(id, 2);
      assertThat(received).hasSize(2);
      assertThat(received).extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactly(booked.eventId(), moved.eventId());
      for (int i = 0; i < received.size(); i++) {
        ConsumerRecord<String, String> record = received.get(i);
        OutboxEntry sent = List.of(booked, moved).get(i);
        assertThat(record.topic()).isEqualTo(AppointmentTopics.APPOINTMENTS);
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/booking-service");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(sent.type());
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(sent.occurredAt().toString());
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isEqualTo(sent.occurredAt());
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(record.value()).isEqualTo(sent.payload());
        EventType type = EventType.fromCloudEventType(header(record, CloudEventHeaders.TYPE)).orElseThrow();
        assertThat(AppointmentEventSchemas.validate(type, record.value())).isEmpty();
      }
    }

    assertThat(appointment(id))
        .doesNotContainKeys(Outbox.ENTRIES, Outbox.PENDING_SINCE, Outbox.LEASE_OWNER, Outbox.LEASE_UNTIL);
    assertThat(publishedCount(BOOKED)).isEqualTo(bookedBefore + 1);
    assertThat(publishTimerCount("success")).isGreaterThanOrEqualTo(acksBefore + 2);
  }

  @Test
  void whileTheBrokerIsUnreachableEventsStayPendingAndGoOutExactlyOnceInOrderOnItsReturn(
      CapturedOutput output) {
    Map<String, List<OutboxEntry>> outboxes = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      String id = newAppointmentId();
      Instant committed = now().minusSeconds(10);
      outboxes.put(id, List.of(
          anEvent(BOOKED).forAppointment(id).sequence(1).occurredAt(committed).entry(),
          anEvent(RESCHEDULED).forAppointment(id).sequence(2).occurredAt(committed.plusMillis(1)).entry(),
          anEvent(CANCELLED).forAppointment(id).sequence(3).occurredAt(committed.plusMillis(2)).entry()));
    }

    // This instance's producer points at a port where no broker listens.
    try (RelayInstance cutOff = RelayInstance.start(
        mongoUri(), "127.0.0.1:" + unusedPort(), "--spring.kafka.admin.auto-create=false")) {
      outboxes.forEach((id, entries) -> insertAppointment(id, entries.toArray(OutboxEntry[]::new)));

      await().atMost(Duration.ofSeconds(30)).until(() -> cutOff.publishFailures() >= 3);

      outboxes.forEach((id, entries) -> {
        Document appointment = appointment(id);
        assertThat(eventIds(appointment)).containsExactlyElementsOf(eventIds(entries));
        assertThat(appointment.getDate(Outbox.PENDING_SINCE).toInstant())
            .isEqualTo(entries.getFirst().occurredAt());
      });
    }

    try (AppointmentRecords records = records();
        RelayInstance connected = RelayInstance.start(mongoUri(), kafkaBootstrapServers())) {
      records.awaitForKeys(outboxes.keySet(), 9);
      // Nothing more arrives for them: each event exactly once.
      await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
          .until(() -> records.catchUp().forKeys(outboxes.keySet()).size() == 9);
      outboxes.forEach((id, entries) -> assertThat(records.forKey(id))
          .extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactlyElementsOf(eventIds(entries)));
    }
    outboxes.keySet().forEach(id -> assertThat(appointment(id)).doesNotContainKeys(Outbox.ENTRIES, Outbox.PENDING_SINCE));
    // Failures are logged by id, never with the body's personal data.
    assertThat(output).contains("Publishing event").doesNotContain("Jordan Ellery", "jordan.ellery@example.com");
  }

  @Test
  void twoInstancesPublishEveryEventExactlyOnceInOrder() {
    Map<String, List<OutboxEntry>> outboxes = new LinkedHashMap<>();
    try (AppointmentRecords records = records();
        RelayInstance first = RelayInstance.start(mongoUri(), kafkaBootstrapServers());
        RelayInstance second = RelayInstance.start(mongoUri(), kafkaBootstrapServers())) {
      // Appended one change at a time while both relays poll, as bookings would be.
      for (int i = 0; i < 20; i++) {
        String id = newAppointmentId();
        Instant committed = now();
        List<OutboxEntry> entries = List.of(
            anEvent(BOOKED).forAppointment(id).sequence(1).occurredAt(committed).entry(),
            anEvent(RESCHEDULED).forAppointment(id).sequence(2).occurredAt(committed.plusMillis(1)).entry(),
            anEvent(CANCELLED).forAppointment(id).sequence(3).occurredAt(committed.plusMillis(2)).entry());
        outboxes.put(id, entries);
        mongo.getCollection(Outbox.COLLECTION).insertOne(new Document("_id", id));
        entries.forEach(entry -> append(id, entry));
      }

      records.awaitForKeys(outboxes.keySet(), 60);
      await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
          .until(() -> records.catchUp().forKeys(outboxes.keySet()).size() == 60);

      Map<String, Long> perEventId = records.forKeys(outboxes.keySet()).stream()
          .collect(Collectors.groupingBy(r -> header(r, CloudEventHeaders.ID), Collectors.counting()));
      assertThat(perEventId).hasSize(60).allSatisfy((eventId, count) -> assertThat(count).isOne());
      outboxes.forEach((id, entries) -> assertThat(records.forKey(id))
          .extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactlyElementsOf(eventIds(entries)));
      System.out.printf("Published by the two instances: %.0f and %.0f%n",
          first.eventsPublished(), second.eventsPublished());
      assertThat(first.eventsPublished() + second.eventsPublished()).isGreaterThanOrEqualTo(60);
      assertThat(first.scrape()).contains(
          "booking_outbox_pending{",
          "booking_outbox_oldest_pending_age_seconds{",
          "booking_outbox_publish_seconds_bucket{",
          "outcome=\"success\"",
          "booking_outbox_events_published_total{");
    }
    outboxes.keySet().forEach(id ->
        assertThat(appointment(id)).doesNotContainKeys(Outbox.ENTRIES, Outbox.PENDING_SINCE, Outbox.LEASE_OWNER));
  }

  @Test
  void anEventAppendedWhileTheRelayHoldsTheLeaseIsKeptAndPublishedNext() {
    String id = newAppointmentId();
    Instant committed = oldestPendingTime();
    OutboxEntry booked = anEvent(BOOKED).forAppointment(id).sequence(1).occurredAt(committed).entry();
    OutboxEntry moved =
        anEvent(RESCHEDULED).forAppointment(id).sequence(2).occurredAt(committed.plusSeconds(30)).entry();

    try (AppointmentRecords records = records()) {
      insertAppointment(id, booked);
      OutboxRelay.Claim claim = relay.claimNext().orElseThrow();
      assertThat(claim.appointmentId()).isEqualTo(id);
      assertThat(appointment(id).getString(Outbox.LEASE_OWNER)).isEqualTo(relay.owner());

      append(id, moved);
      assertThat(relay.publish(claim)).isEqualTo(new OutboxRelay.Outcome(1, false));

      Document afterFirst = appointment(id);
      assertThat(eventIds(afterFirst)).containsExactly(moved.eventId());
      assertThat(afterFirst.getDate(Outbox.PENDING_SINCE).toInstant()).isEqualTo(moved.occurredAt());
      assertThat(afterFirst).doesNotContainKeys(Outbox.LEASE_OWNER, Outbox.LEASE_UNTIL);

      relay.publishPending();

      assertThat(records.awaitForKey(id, 2)).extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactly(booked.eventId(), moved.eventId());
    }
    assertThat(appointment(id)).doesNotContainKeys(Outbox.ENTRIES, Outbox.PENDING_SINCE);
  }

  @Test
  void anAppendRacingTheCleanupKeepsTheDocumentPending() {
    String id = newAppointmentId();
    OutboxEntry cancelled = anEvent(CANCELLED).forAppointment(id).occurredAt(now().minusSeconds(1)).entry();
    insertAppointment(id, cancelled);

    // The relay read its outbox as empty (or starting with an entry since removed) before this
    // entry was appended: its cleanup must match nothing.
    relay.settlePendingSince(id, List.of());
    OutboxEntry removedMeanwhile = anEvent(BOOKED).forAppointment(id).occurredAt(now()).entry();
    relay.settlePendingSince(id, List.of(removedMeanwhile));

    Document appointment = appointment(id);
    assertThat(eventIds(appointment)).containsExactly(cancelled.eventId());
    assertThat(appointment.getDate(Outbox.PENDING_SINCE).toInstant()).isEqualTo(cancelled.occurredAt());

    try (AppointmentRecords records = records()) {
      relay.publishPending();
      assertThat(records.awaitForKey(id, 1)).extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactly(cancelled.eventId());
    }
  }

  @Test
  void aLiveLeaseOfAnotherInstanceIsRespectedAndAnExpiredOneTakenOver() {
    String id = newAppointmentId();
    OutboxEntry booked = anEvent(BOOKED).forAppointment(id).occurredAt(oldestPendingTime()).entry();
    insertAppointment(id, booked);
    leaseTo(id, ANOTHER_INSTANCE, now().plus(Duration.ofMinutes(1)));

    try (AppointmentRecords records = records()) {
      relay.publishPending();

      assertThat(records.catchUp().forKey(id)).isEmpty();
      Document untouched = appointment(id);
      assertThat(untouched.getString(Outbox.LEASE_OWNER)).isEqualTo(ANOTHER_INSTANCE);
      assertThat(eventIds(untouched)).containsExactly(booked.eventId());

      // The other instance died: its lease runs out.
      leaseTo(id, ANOTHER_INSTANCE, now().minusMillis(1));
      relay.publishPending();

      assertThat(records.awaitForKey(id, 1)).extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactly(booked.eventId());
    }
    assertThat(appointment(id))
        .doesNotContainKeys(Outbox.ENTRIES, Outbox.PENDING_SINCE, Outbox.LEASE_OWNER, Outbox.LEASE_UNTIL);
  }

  @Test
  void aFailedSendKeepsThatEntryAndLaterOnesPendingAndBacksOff() {
    String id = newAppointmentId();
    Instant committed = oldestPendingTime();
    OutboxEntry booked = anEvent(BOOKED).forAppointment(id).sequence(1).occurredAt(committed).entry();
    // Larger than the producer's max.request.size: the broker path rejects it, every time.
    OutboxEntry tooLarge = new OutboxEntry(UUID.randomUUID().toString(), RESCHEDULED.cloudEventType(),
        committed.plusSeconds(1), "{\"padding\":\"" + "x".repeat(1_200_000) + "\"}", null);
    OutboxEntry cancelled = anEvent(CANCELLED).forAppointment(id).sequence(3).occurredAt(committed.plusSeconds(2)).entry();
    long failuresBefore = publishTimerCount("failure");

    try (AppointmentRecords records = records()) {
      insertAppointment(id, booked, tooLarge, cancelled);
      Instant started = now();

      relay.publishPending();

      assertThat(records.awaitForKey(id, 1)).extracting(r -> header(r, CloudEventHeaders.ID))
          .containsExactly(booked.eventId());
      Document appointment = appointment(id);
      assertThat(eventIds(appointment)).containsExactly(tooLarge.eventId(), cancelled.eventId());
      assertThat(appointment.getDate(Outbox.PENDING_SINCE).toInstant()).isEqualTo(tooLarge.occurredAt());
      // Kept leased for the retry backoff (300 ms here), so others are not starved by it.
      assertThat(appointment.getString(Outbox.LEASE_OWNER)).isEqualTo(relay.owner());
      assertThat(appointment.getDate(Outbox.LEASE_UNTIL).toInstant())
          .isBetween(started.plusMillis(300), now().plusMillis(300));
      assertThat(publishTimerCount("failure")).isEqualTo(failuresBefore + 1);
      assertThat(records.catchUp().forKey(id)).hasSize(1);
    } finally {
      // A poison entry would otherwise be retried by every later scenario's relays.
      mongo.getCollection(Outbox.COLLECTION).deleteOne(Filters.eq("_id", id));
    }
  }

  @Test
  void gaugesReportPendingDocumentsAndTheOldestPendingAge() {
    String id = newAppointmentId();
    try {
      insertAppointment(id, anEvent(BOOKED).forAppointment(id).occurredAt(now().minusSeconds(120)).entry());
      leaseTo(id, ANOTHER_INSTANCE, now().plus(Duration.ofMinutes(1)));

      metrics.refresh();

      assertThat(meters.get("booking.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
      assertThat(meters.get("booking.outbox.oldest.pending.age").gauge().value())
          .isGreaterThanOrEqualTo(120);
    } finally {
      mongo.getCollection(Outbox.COLLECTION).deleteOne(Filters.eq("_id", id));
    }
  }

  // --- fixtures -------------------------------------------------------------------------------

  /** An appointment document written as the booking code will: insert, then one append per change. */
  private void insertAppointment(String id, OutboxEntry... entries) {
    mongo.getCollection(Outbox.COLLECTION).insertOne(new Document("_id", id).append("status", "BOOKED"));
    for (OutboxEntry entry : entries) {
      append(id, entry);
    }
  }

  private void append(String id, OutboxEntry entry) {
    mongo.getCollection(Outbox.COLLECTION).updateOne(Filters.eq("_id", id), Outbox.append(entry));
  }

  private void leaseTo(String id, String owner, Instant until) {
    mongo.getCollection(Outbox.COLLECTION).updateOne(Filters.eq("_id", id), Updates.combine(
        Updates.set(Outbox.LEASE_OWNER, owner), Updates.set(Outbox.LEASE_UNTIL, Date.from(until))));
  }

  private Document appointment(String id) {
    MongoCollection<Document> appointments = mongo.getCollection(Outbox.COLLECTION);
    return appointments.find(Filters.eq("_id", id)).first();
  }

  private static List<String> eventIds(Document appointment) {
    return appointment.getList(Outbox.ENTRIES, Document.class, List.of()).stream()
        .map(entry -> entry.getString(OutboxEntry.EVENT_ID))
        .toList();
  }

  private static List<String> eventIds(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::eventId).toList();
  }

  private AppointmentRecords records() {
    return new AppointmentRecords(kafkaBootstrapServers());
  }

  private String kafkaBootstrapServers() {
    return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
  }

  private String mongoUri() {
    return environment.getRequiredProperty("spring.mongodb.uri");
  }

  /** In milliseconds, as MongoDB stores dates. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Older than anything other scenarios leave pending, so the relay claims this one first. */
  private Instant oldestPendingTime() {
    return now().minus(Duration.ofDays(1));
  }

  private static String newAppointmentId() {
    return "apt-" + UUID.randomUUID();
  }

  private double publishedCount(EventType type) {
    var counter = meters.find("booking.outbox.events.published").tag("type", type.cloudEventType()).counter();
    return counter == null ? 0 : counter.count();
  }

  private long publishTimerCount(String outcome) {
    var timer = meters.find("booking.outbox.publish").tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
