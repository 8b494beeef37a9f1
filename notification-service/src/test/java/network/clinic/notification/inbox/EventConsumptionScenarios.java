package network.clinic.notification.inbox;

import static network.clinic.notification.inbox.AppointmentEventRecords.aBookedEventRecord;
import static network.clinic.notification.inbox.AppointmentEventRecords.anEventRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.EventType;
import network.clinic.notification.NotificationApplication;
import network.clinic.notification.inbox.Reception.Outcome;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Consuming the appointments topic end to end, on a real broker and MongoDB: each event recorded
 * once, stale ones recognised, poison dead-lettered without retries and without blocking its
 * partition. Run on the embedded infrastructure and, where Docker exists, on real images.
 */
@SpringBootTest(properties = {
    // Other test contexts consume the same topic on the shared broker; their own group keeps
    // them from taking this context's partitions.
    "clinic.notification.events.group-id=notification-inbox-tests",
    "logging.level.network.clinic.notification.inbox=debug",
    // These scenarios are about recording; sending is covered by the message scenarios.
    "clinic.notification.dispatch.enabled=false",
    // Other classes' events are on the same topic: this group starts at its end instead of
    // replaying them into these scenarios' counters (see awaitPositions).
    "spring.kafka.consumer.auto-offset-reset=latest"
})
@Import({AppointmentsTopicConfiguration.class, UnexpectedFailures.Installed.class})
@ExtendWith(OutputCaptureExtension.class)
abstract class EventConsumptionScenarios {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired MongoOperations mongo;
  @Autowired MeterRegistry meters;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired UnexpectedFailures failures;
  @Autowired EventConsumerProperties consumerProperties;
  @Autowired Environment environment;

  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
  @Value("${clinic.notification.events.group-id}") String groupId;

  private KafkaProducer<String, String> producer;
  private DeadLetterTopic deadLetters;

  @BeforeEach
  void connect() {
    producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringSerializer(),
        new StringSerializer());
    deadLetters = new DeadLetterTopic(bootstrapServers);
    awaitPositions();
  }

  /** Until the group has a committed position on every partition: no event sent is skipped. */
  private void awaitPositions() {
    MessageListenerContainer container = listeners.getListenerContainer(AppointmentEventListener.ID);
    try (Admin admin = Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await().atMost(PATIENCE).until(() -> assigned(container).size() == 3
          && admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS).entrySet().stream()
              .filter(entry -> entry.getKey().topic().equals(AppointmentTopics.APPOINTMENTS))
              .filter(entry -> entry.getValue() != null)
              .count() == 3);
    }
  }

  @AfterEach
  void disconnect() {
    producer.close();
    deadLetters.close();
  }

  @Test
  void bookedEventIsRecordedOnceWithIdsTypeSequenceAndTimesOnly() {
    AppointmentEventRecords.Builder booked = aBookedEventRecord();
    double recordedBefore = received(EventType.BOOKED, Outcome.RECORDED);

    send(booked.build());

    Document received = awaitReceived(booked.eventId());
    assertThat(received.keySet())
        .as("no body, no personal data")
        .containsOnly(
            "_id", "appointmentId", "type", "sequence", "occurredAt", "receivedAt", "_class");
    assertThat(received.getString("appointmentId")).isEqualTo(booked.appointmentId());
    assertThat(received.getString("type")).isEqualTo("clinic.appointment.booked.v1");
    assertThat(received.getLong("sequence")).isEqualTo(1L);
    assertThat(received.getDate("occurredAt"))
        .isEqualTo(Date.from(Instant.parse("2026-06-02T14:05:12.318Z")));
    assertThat(received.getDate("receivedAt")).isNotNull();
    assertThat(state(booked.appointmentId()).lastSequence()).isEqualTo(1L);
    assertThat(received(EventType.BOOKED, Outcome.RECORDED)).isEqualTo(recordedBefore + 1);
  }

  @Test
  void sameEventDeliveredThreeTimesIsRecordedOnceAndCountedAsDuplicate() {
    ProducerRecord<String, String> booked = aBookedEventRecord().build();
    double recordedBefore = received(EventType.BOOKED, Outcome.RECORDED);
    double duplicatesBefore = received(EventType.BOOKED, Outcome.DUPLICATE);

    send(booked);
    send(booked);
    send(booked);

    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(received(EventType.BOOKED, Outcome.DUPLICATE)).isEqualTo(duplicatesBefore + 2));
    assertThat(mongo.count(query(where("appointmentId").is(booked.key())), ReceivedEvent.class))
        .isEqualTo(1);
    assertThat(received(EventType.BOOKED, Outcome.RECORDED)).isEqualTo(recordedBefore + 1);
  }

  @Test
  void poisonGoesToTheDeadLetterTopicAndTheNextEventOfItsPartitionIsStillRecorded() {
    AppointmentEventRecords.Builder poison = aBookedEventRecord().body("this is not JSON {");
    AppointmentEventRecords.Builder next =
        aBookedEventRecord().appointmentId(poison.appointmentId());
    double invalidBefore = deadLettered(InboxMetrics.REASON_INVALID);

    RecordMetadata poisonSent = send(poison.build());
    RecordMetadata nextSent = send(next.build());

    assertThat(nextSent.partition()).as("same key, same partition")
        .isEqualTo(poisonSent.partition());
    awaitReceived(next.eventId());
    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(poison.eventId());
    assertThat(dead.partition()).isEqualTo(poisonSent.partition());
    assertThat(DeadLetterTopic.originalPartition(dead)).isEqualTo(poisonSent.partition());
    assertThat(dead.key()).isEqualTo(poison.appointmentId());
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("this is not JSON {");
    assertThat(DeadLetterTopic.deliveryAttempt(dead)).as("not retried").isEqualTo(1);
    assertThat(DeadLetterTopic.text(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
        .isEqualTo(PoisonEventException.class.getName());
    assertThat(deadLettered(InboxMetrics.REASON_INVALID)).isEqualTo(invalidBefore + 1);
    assertThat(receivedEvent(poison.eventId())).isEmpty();
  }

  @Test
  void eventBreakingItsSchemaIsDeadLetteredWithoutRetry() {
    // The schema requires sequence >= 1.
    AppointmentEventRecords.Builder invalid = aBookedEventRecord().sequence(0);

    send(invalid.build());

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(invalid.eventId());
    assertThat(DeadLetterTopic.deliveryAttempt(dead)).as("not retried").isEqualTo(1);
    assertThat(DeadLetterTopic.text(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("$.sequence");
    assertThat(receivedEvent(invalid.eventId())).isEmpty();
    assertThat(state(invalid.appointmentId())).isNull();
  }

  @Test
  void eventOfAnUnknownTypeIsDeadLetteredWithoutRetry() {
    AppointmentEventRecords.Builder unknown =
        aBookedEventRecord().ceType("clinic.appointment.teleported.v1");

    send(unknown.build());

    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(unknown.eventId());
    assertThat(DeadLetterTopic.deliveryAttempt(dead)).as("not retried").isEqualTo(1);
    assertThat(DeadLetterTopic.text(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("ce_type");
    assertThat(receivedEvent(unknown.eventId())).isEmpty();
  }

  @Test
  void olderEventArrivingAfterANewerOneIsStaleAndKeepsTheLastSequence() {
    AppointmentEventRecords.Builder rescheduled = anEventRecord(EventType.RESCHEDULED).sequence(2);
    AppointmentEventRecords.Builder booked =
        aBookedEventRecord().appointmentId(rescheduled.appointmentId()).sequence(1);
    double staleBefore = received(EventType.BOOKED, Outcome.STALE);

    send(rescheduled.build());
    awaitReceived(rescheduled.eventId());
    send(booked.build());

    Document late = awaitReceived(booked.eventId());
    assertThat(late.getLong("sequence")).isEqualTo(1L);
    assertThat(received(EventType.BOOKED, Outcome.STALE)).isEqualTo(staleBefore + 1);
    AppointmentState state = state(rescheduled.appointmentId());
    assertThat(state.lastSequence()).isEqualTo(2L);
    assertThat(state.lastEventId()).isEqualTo(rescheduled.eventId().toString());
  }

  @Test
  void eventWhoseStateWasWrittenBeforeACrashIsRecordedOnRedeliveryAndNotStale() {
    // A crash after the state step but before the "received" mark leaves exactly this behind.
    AppointmentEventRecords.Builder booked = aBookedEventRecord().sequence(4);
    mongo.insert(new AppointmentState(
        booked.appointmentId(), 4, booked.eventId().toString(), Instant.now()));
    double recordedBefore = received(EventType.BOOKED, Outcome.RECORDED);

    send(booked.build());

    awaitReceived(booked.eventId());
    assertThat(received(EventType.BOOKED, Outcome.RECORDED)).isEqualTo(recordedBefore + 1);
  }

  @Test
  void twoInstancesInOneGroupShareThePartitionsAndRecordEachEventOnce() {
    String mongoUri = environment.getRequiredProperty("spring.mongodb.uri");
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(NotificationApplication.class)
        // Command-line arguments, so they win over application.yml like the test's own properties.
        .run("--server.port=0",
            "--spring.kafka.bootstrap-servers=" + bootstrapServers,
            "--spring.mongodb.uri=" + mongoUri,
            "--clinic.notification.events.group-id=" + groupId,
            "--clinic.notification.dispatch.enabled=false",
            "--spring.jmx.enabled=false")) {
      MessageListenerContainer mine = listeners.getListenerContainer(AppointmentEventListener.ID);
      MessageListenerContainer theirs = second.getBean(KafkaListenerEndpointRegistry.class)
          .getListenerContainer(AppointmentEventListener.ID);
      await().atMost(PATIENCE).until(() ->
          !assigned(mine).isEmpty() && !assigned(theirs).isEmpty()
              && assigned(mine).size() + assigned(theirs).size() == 3);
      MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
      double mineBefore = handled(meters);
      double recordedByMineBefore = received(meters, EventType.BOOKED, Outcome.RECORDED);

      List<UUID> eventIds = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // Two events on each partition, so both instances get some.
        AppointmentEventRecords.Builder booked = aBookedEventRecord().partition(i % 3);
        eventIds.add(booked.eventId());
        send(booked.build());
      }

      await().atMost(PATIENCE).until(() -> eventIds.stream()
          .allMatch(id -> receivedEvent(id).isPresent()));
      assertThat(received(meters, EventType.BOOKED, Outcome.RECORDED))
          .as("recorded by this instance").isGreaterThan(recordedByMineBefore);
      assertThat(received(secondMeters, EventType.BOOKED, Outcome.RECORDED))
          .as("recorded by the second instance").isPositive();
      assertThat(handled(meters) - mineBefore + handled(secondMeters))
          .as("each event handled by one instance only").isEqualTo(6);
    }
  }

  @Test
  void bytesThatAreNotUtf8AreDeadLetteredAsTheyCameWithoutRetryAndThePartitionMovesOn() {
    AppointmentEventRecords.Builder unreadable = aBookedEventRecord();
    AppointmentEventRecords.Builder next =
        aBookedEventRecord().appointmentId(unreadable.appointmentId()).sequence(2);
    // Latin-1 where UTF-8 belongs: Kafka's StringDeserializer would read it, with a replacement
    // character, and the dead letter would no longer carry what was sent.
    byte[] raw = "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1);
    double invalidBefore = deadLettered(InboxMetrics.REASON_INVALID);
    double exhaustedBefore = deadLettered(InboxMetrics.REASON_RETRIES_EXHAUSTED);

    RecordMetadata unreadableSent = sendBytes(unreadable.build(), raw);
    RecordMetadata nextSent = send(next.build());

    assertThat(nextSent.partition()).as("same key, same partition")
        .isEqualTo(unreadableSent.partition());
    awaitReceived(next.eventId());
    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(unreadable.eventId());
    assertThat(dead.value()).as("the bytes as sent").isEqualTo(raw);
    assertThat(dead.key()).isEqualTo(unreadable.appointmentId());
    assertThat(dead.partition()).isEqualTo(unreadableSent.partition());
    assertThat(DeadLetterTopic.deliveryAttempt(dead)).as("not retried").isEqualTo(1);
    assertThat(DeadLetterTopic.text(dead, KafkaHeaders.DLT_EXCEPTION_FQCN))
        .isEqualTo(DeserializationException.class.getName());
    assertThat(dead.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER))
        .as("the serialized exception, which holds the bytes again, is not passed on").isNull();
    assertThat(deadLettered(InboxMetrics.REASON_INVALID)).isEqualTo(invalidBefore + 1);
    assertThat(deadLettered(InboxMetrics.REASON_RETRIES_EXHAUSTED)).isEqualTo(exhaustedBefore);
    assertThat(receivedEvent(unreadable.eventId())).isEmpty();
  }

  @Test
  void anUnexpectedFailureIsRetriedAsConfiguredThenDeadLetteredAndThePartitionMovesOn() {
    AppointmentEventRecords.Builder failing = aBookedEventRecord().partition(1);
    AppointmentEventRecords.Builder next = aBookedEventRecord().partition(1);
    failures.failFor(failing.eventId());
    double exhaustedBefore = deadLettered(InboxMetrics.REASON_RETRIES_EXHAUSTED);
    double invalidBefore = deadLettered(InboxMetrics.REASON_INVALID);

    send(failing.build());
    send(next.build());

    awaitReceived(next.eventId());
    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(failing.eventId());
    int attempts = consumerProperties.retry().maxAttempts();
    assertThat(attempts).as("the scenario needs retries to show").isGreaterThan(1);
    assertThat(failures.calls(failing.eventId())).isEqualTo(attempts);
    assertThat(DeadLetterTopic.deliveryAttempt(dead)).isEqualTo(attempts);
    assertThat(DeadLetterTopic.text(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(failing.json());
    await().atMost(PATIENCE).until(() ->
        deadLettered(InboxMetrics.REASON_RETRIES_EXHAUSTED) == exhaustedBefore + 1);
    assertThat(deadLettered(InboxMetrics.REASON_INVALID)).isEqualTo(invalidBefore);
    assertThat(receivedEvent(failing.eventId())).as("never marked received").isEmpty();
    assertThat(failures.calls(next.eventId())).isEqualTo(1);
  }

  @Test
  void logsNeverShowEventBodies(CapturedOutput output) {
    String canary = "canary-" + UUID.randomUUID() + "@example.com";
    AppointmentEventRecords.Builder valid = aBookedEventRecord().patientEmail(canary);
    AppointmentEventRecords.Builder invalid =
        aBookedEventRecord().patientEmail(canary).sequence(0);

    send(valid.build());
    send(invalid.build());

    awaitReceived(valid.eventId());
    awaitDeadLetter(invalid.eventId());
    assertThat(output.getAll())
        .as("both events were handled and logged")
        .contains(valid.eventId().toString())
        .contains(invalid.eventId().toString())
        .doesNotContain(canary)
        .doesNotContain("Jordan Ellery")
        .doesNotContain("token=");
  }

  /** The record's key, headers and partition, with these bytes as its value. */
  private RecordMetadata sendBytes(ProducerRecord<String, String> record, byte[] value) {
    try (KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringSerializer(),
        new ByteArraySerializer())) {
      return bytes.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
          value, record.headers())).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the test record", e);
    }
  }

  private RecordMetadata send(ProducerRecord<String, String> record) {
    try {
      return producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the test event", e);
    }
  }

  private Document awaitReceived(UUID eventId) {
    return await().atMost(PATIENCE).until(() -> receivedEvent(eventId), Optional::isPresent).get();
  }

  private Optional<Document> receivedEvent(UUID eventId) {
    return Optional.ofNullable(
        mongo.findById(eventId.toString(), Document.class, "received_events"));
  }

  private ConsumerRecord<String, byte[]> awaitDeadLetter(UUID eventId) {
    return await().atMost(PATIENCE).pollInSameThread()
        .until(() -> deadLetters.find(eventId.toString(), groupId), Optional::isPresent)
        .get();
  }

  private AppointmentState state(String appointmentId) {
    return mongo.findById(appointmentId, AppointmentState.class);
  }

  private double received(EventType type, Outcome outcome) {
    return received(meters, type, outcome);
  }

  private static double received(MeterRegistry registry, EventType type, Outcome outcome) {
    Counter counter = registry.find(InboxMetrics.RECEIVED)
        .tag("type", type.cloudEventType())
        .tag("outcome", outcome.tag())
        .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Events handled in any way, by every type and outcome. */
  private static double handled(MeterRegistry registry) {
    return registry.find(InboxMetrics.RECEIVED).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private double deadLettered(String reason) {
    Counter counter = meters.find(InboxMetrics.DEAD_LETTERED).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static Collection<TopicPartition> assigned(MessageListenerContainer container) {
    Collection<TopicPartition> partitions = container.getAssignedPartitions();
    return partitions == null ? List.of() : partitions;
  }
}
