package network.clinic.booking;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Base of the booking scenarios: the whole service on a random port, on real Kafka and MongoDB
 * (embedded or containers, chosen by the subclass's initializer), with {@link TestClock}. Every
 * embedded subclass names the same initializer and so shares one Spring context and database;
 * tests stay apart by booking only their own fresh catalogue entries.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "clinic.security.jwt.secret=" + StaffTokens.SECRET,
      "clinic.security.cors.allowed-origins=" + BookingIntegrationTest.WEBSITE,
      "clinic.booking.manage-link-base-url=https://clinic.example/manage",
      "clinic.booking.rate-limit.capacity=5",
      "clinic.booking.rate-limit.period=1h",
      "clinic.outbox.poll-interval=50ms",
      "clinic.outbox.metrics-refresh=1h"
    })
@Import({TestClock.Configuration.class, MongoCommandCounter.Configuration.class})
public abstract class BookingIntegrationTest {

  public static final String MANAGE_BASE = "https://clinic.example/manage";
  public static final String WEBSITE = "https://camden.clinic.example";

  @LocalServerPort protected int port;
  @Autowired protected MongoTemplate mongo;
  @Autowired protected Environment environment;

  protected Api api;
  protected Catalogue catalogue;

  @BeforeEach
  void setUpApi() {
    api = new Api(port);
    catalogue = new Catalogue(mongo);
  }

  protected long appointmentCount() {
    return mongo.getCollection(Outbox.COLLECTION).countDocuments();
  }

  protected Document appointmentDocument(String id) {
    return mongo.getCollection(Outbox.COLLECTION).find(new Document("_id", id)).first();
  }

  /**
   * The whole database once the relay has nothing pending or leased, so that only the request
   * under test can change it before the next snapshot.
   */
  protected DatabaseSnapshot settledDatabase() {
    await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(Outbox.COLLECTION).countDocuments(
        Filters.or(Filters.exists(Outbox.ENTRIES), Filters.exists(Outbox.LEASE_OWNER),
            Filters.exists(Outbox.LEASE_UNTIL))) == 0);
    return DatabaseSnapshot.of(mongo);
  }

  protected String mongoUri() {
    return environment.getRequiredProperty("spring.mongodb.uri");
  }

  protected String kafkaBootstrapServers() {
    return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
  }

  /** {@code days} clinic-local days after today (test clock), at {@code time}, with its offset. */
  protected static OffsetDateTime local(Clinic clinic, int days, String time) {
    LocalDate today = TestClock.now().atZone(clinic.zone()).toLocalDate();
    return ZonedDateTime.of(today.plusDays(days), LocalTime.parse(time), clinic.zone()).toOffsetDateTime();
  }

  /** The first slot on the clinic's grid at least {@code ahead} from now, clinic-local. */
  protected static OffsetDateTime soon(Clinic clinic, Duration ahead) {
    long grid = clinic.slotMinutes() * 60L;
    long seconds = TestClock.now().plus(ahead).getEpochSecond();
    java.time.Instant start = java.time.Instant.ofEpochSecond((seconds + grid - 1) / grid * grid);
    return start.atZone(clinic.zone()).toOffsetDateTime();
  }

  /** A valid booking request body; tweak the map for bad-input cases. */
  protected static Map<String, Object> bookingRequest(Clinic clinic, Practitioner practitioner, Treatment treatment,
      OffsetDateTime start) {
    Map<String, Object> patient = new LinkedHashMap<>();
    patient.put("name", "Jordan Ellery");
    patient.put("email", "jordan.ellery+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    patient.put("phone", "+447700900123");
    patient.put("consent", Map.of("email", true, "sms", true));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("clinicId", clinic.id());
    request.put("practitionerId", practitioner == null ? "any" : practitioner.id());
    request.put("treatmentId", treatment.id());
    request.put("start", start.toString());
    request.put("patient", patient);
    request.put("note", "Lower back pain since March");
    return request;
  }

  protected Api.Response book(Clinic clinic, Practitioner practitioner, Treatment treatment, OffsetDateTime start) {
    return api.post("/api/v1/appointments", bookingRequest(clinic, practitioner, treatment, start)).send();
  }

  /** Awaits the relay having published (and removed) everything pending on the appointment. */
  protected void awaitPublished(String appointmentId) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !appointmentDocument(appointmentId).containsKey(Outbox.ENTRIES));
  }
}
