package network.clinic.notification;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import network.clinic.events.AppointmentTopics;
import network.clinic.testing.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * What the notification scenarios share: the whole service on a real broker and database, a real
 * SMTP server (GreenMail), a local SMS webhook, and a clock the scenarios move. Each scenario class
 * has its own database and consumer group, and its context is closed after it, so no other
 * context consumes its events or sends its mail. Each test uses fresh appointment ids and
 * patient addresses, so it only ever looks at its own mail.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // A new group starts at the end of the topic: earlier classes' events are not replayed.
      // Each test first waits until the group has committed positions (see awaitListening).
      "spring.kafka.consumer.auto-offset-reset=latest",
      "clinic.notification.dispatch.poll-interval=50ms",
      "clinic.notification.dispatch.lease=1m",
      "clinic.notification.dispatch.retry.max-attempts=3",
      "clinic.notification.dispatch.retry.initial-interval=10s",
      "clinic.notification.dispatch.retry.max-interval=40s",
      // Scenarios refresh gauges and run retention themselves.
      "clinic.notification.dispatch.metrics-refresh=1h",
      "clinic.notification.retention.interval=1h",
      "clinic.notification.sms.provider=webhook",
      "spring.mail.host=127.0.0.1",
      "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
      "spring.mail.properties[mail.smtp.timeout]=5000",
      "spring.mail.properties[mail.smtp.writetimeout]=5000",
      "clinic.security.jwt.secret=" + StaffTokens.SECRET,
      // GreenMail, standing in for the SMTP server, logs the addresses it receives for.
      "logging.level.com.icegreen=warn"
    })
@Import(AppointmentsTopicDeclaration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class NotificationScenarioSupport {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Where each test starts: shortly after the example booking, two weeks before the visit. */
  protected static final Instant BASE = Instant.parse("2026-06-02T15:00:00Z");
  protected static final MutableClock CLOCK = new MutableClock(BASE);
  protected static final SmsGateway SMS = SmsGateway.start();

  private static final int SMTP_PORT = freePort();

  /** A fixed port, so the server can be stopped and started again where the service expects it. */
  @RegisterExtension
  protected static final GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  @TestBean(name = "clock", methodName = "scenarioClock")
  protected Clock clock;

  @Autowired protected MongoOperations mongo;
  @Autowired protected MeterRegistry meters;
  @Autowired protected KafkaListenerEndpointRegistry listeners;
  @Autowired protected Environment environment;

  @Value("${spring.kafka.bootstrap-servers}") protected String bootstrapServers;
  @Value("${clinic.notification.events.group-id}") protected String groupId;

  private KafkaProducer<String, String> producer;

  static Clock scenarioClock() {
    return CLOCK;
  }

  /** For the {@code @DynamicPropertySource} of each concrete class. */
  protected static void register(
      DynamicPropertyRegistry registry, Infrastructure infrastructure, String name) {
    infrastructure.register(registry, name);
    registry.add("clinic.notification.events.group-id", () -> name);
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("clinic.notification.sms.webhook-url", SMS::url);
  }

  @BeforeEach
  void prepareScenario() {
    CLOCK.set(BASE);
    SMS.answer(202);
    if (!smtp.isRunning()) {
      smtp.start();
    }
    producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringSerializer(),
        new StringSerializer());
    awaitListening();
  }

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  /**
   * Until this context's consumer holds all partitions and its group has a committed position on
   * each: from then on no event sent is skipped by "latest".
   */
  protected void awaitListening() {
    MessageListenerContainer container = listeners.getListenerContainer("appointment-events");
    try (Admin admin = Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await().atMost(PATIENCE).until(() ->
          assigned(container).size() == 3 && committedPartitions(admin, groupId) == 3);
    }
  }

  protected static long committedPartitions(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .filter(entry -> entry.getKey().topic().equals(AppointmentTopics.APPOINTMENTS))
        .filter(entry -> entry.getValue() != null)
        .count();
  }

  protected static Collection<TopicPartition> assigned(MessageListenerContainer container) {
    Collection<TopicPartition> partitions = container.getAssignedPartitions();
    return partitions == null ? List.of() : partitions;
  }

  protected RecordMetadata send(AppointmentEvents.Builder event) {
    return send(event.record());
  }

  protected RecordMetadata send(ProducerRecord<String, String> record) {
    try {
      return producer.send(record).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge the test event", e);
    }
  }

  // --- mail

  protected static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> recipients(message).contains(address))
        .toList();
  }

  protected static List<MimeMessage> awaitMails(String address, int count) {
    return await().atMost(PATIENCE).until(() -> mailsTo(address), mails -> mails.size() >= count);
  }

  protected static MailParts awaitOneMail(String address, Predicate<MailParts> which) {
    return await().atMost(PATIENCE).until(
        () -> mailsTo(address).stream().map(MailParts::of).filter(which).toList(),
        mails -> !mails.isEmpty()).getFirst();
  }

  /** Watches the mailbox for a while: a duplicate would come within this time. */
  protected static void assertMailCountStays(String address, int count) {
    assertMailCountsStay(Map.of(address, count));
  }

  /** The same for several mailboxes at once. */
  protected static void assertMailCountsStay(Map<String, Integer> counts) {
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
        .until(() -> counts.entrySet().stream()
            .allMatch(expected -> mailsTo(expected.getKey()).size() == expected.getValue()));
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      Address[] all = message.getAllRecipients();
      return all == null ? List.of() : Arrays.stream(all)
          .map(address -> ((InternetAddress) address).getAddress())
          .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- database

  protected List<Document> messages(String appointmentId) {
    return mongo.find(query(where("appointmentId").is(appointmentId)), Document.class, "messages");
  }

  protected Document awaitMessage(
      String appointmentId, String channel, String kind, Predicate<Document> state) {
    return await().atMost(PATIENCE).until(
        () -> messages(appointmentId).stream()
            .filter(message -> channel.equals(message.getString("channel")))
            .filter(message -> kind.equals(message.getString("kind")))
            .filter(state)
            .findFirst(),
        Optional::isPresent).get();
  }

  protected static Predicate<Document> status(String status) {
    return message -> status.equals(message.getString("status"));
  }

  protected boolean received(UUID eventId) {
    return mongo.findById(eventId.toString(), Document.class, "received_events") != null;
  }

  // --- metrics

  protected double count(String name, String... tags) {
    return count(meters, name, tags);
  }

  protected static double count(MeterRegistry registry, String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  /** A UK mobile number nobody else in the run has. */
  protected static String freshPhone() {
    return "+447700" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
