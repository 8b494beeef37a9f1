package network.clinic.booking.appointment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import network.clinic.booking.availability.Claims;
import network.clinic.booking.availability.TakenClaims;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.outbox.OutboxWakeUp;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the server examines to answer availability's question, counted inside a wire server like
 * the tests' and the local stack's: every document its query matcher is applied to, whether an
 * index found it or a scan passed over it. The answer must cost the same with 100 or 3,000
 * unrelated appointments stored, and a query the wire server cannot serve from a unique index
 * shows that the count does see scans.
 */
class TakenClaimsCostTests {

  private static final Instant DAY = Instant.parse("2026-03-16T00:00:00Z");
  private static final String PRACTITIONER = "prac-cost";

  private static ExaminingBackend backend;
  private static MongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void startServer() {
    backend = new ExaminingBackend();
    server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void theTakenCellsCostTheSameHoweverManyUnrelatedAppointmentsAreStored() {
    Measured few = askAboutTheDay(100);
    Measured many = askAboutTheDay(3000);

    assertThat(few.taken()).isEqualTo(many.taken()).isEqualTo(few.expected());
    assertThat(many.examined()).isEqualTo(few.examined());
    // The wire server examines a document once per asked cell it holds: 15 + 15 here.
    assertThat(many.examined()).isBetween(2L, 30L);
    System.out.printf("Documents examined for one day's cells: %d with 102 stored, %d with 3,002 stored%n",
        few.examined(), many.examined());
  }

  @Test
  void askingAboutMoreCellsThanOneBatchSplitsTheQuestionAndMissesNothing() {
    AppointmentStore store = freshStore();
    Instant late = DAY.plus(Duration.ofDays(20)).plus(Duration.ofHours(9));
    List<String> held = Claims.covering(PRACTITIONER, late, late.plus(Duration.ofMinutes(30)));
    insert(store, List.of(appointment(PRACTITIONER, late, held, "BOOKED")));
    List<String> asked = Claims.covering(PRACTITIONER, DAY, DAY.plus(Duration.ofDays(21)));
    assertThat(asked).hasSizeGreaterThan(5 * TakenClaims.BATCH);

    assertThat(store.takenAmong(asked)).containsExactlyInAnyOrderElementsOf(held);
  }

  @Test
  void aQueryTheWireServerCannotServeFromAUniqueIndexExaminesEveryDocument() {
    AppointmentStore store = freshStore();
    List<Document> stored = unrelated(500);
    insert(store, stored);

    backend.examined.set(0);
    store.collection().find(and(eq(Appointment.PRACTITIONER_ID, PRACTITIONER),
            gte(Appointment.START, Date.from(DAY)), lt(Appointment.START, Date.from(DAY.plus(Duration.ofDays(1))))))
        .into(new ArrayList<>());

    assertThat(backend.examined.get()).isEqualTo(stored.size());
  }

  /**
   * Stores two appointments of the practitioner that day, a cancelled one in between, and {@code
   * unrelated} others (theirs on other days, other practitioners' that day), then asks about every
   * cell of the day.
   */
  private Measured askAboutTheDay(int unrelated) {
    AppointmentStore store = freshStore();
    Instant ten = DAY.plus(Duration.ofHours(10));
    Instant three = DAY.plus(Duration.ofHours(15));
    Instant noon = DAY.plus(Duration.ofHours(12));
    List<String> morning = Claims.covering(PRACTITIONER, ten, ten.plus(Duration.ofMinutes(75)));
    List<String> afternoon = Claims.covering(PRACTITIONER, three, three.plus(Duration.ofMinutes(75)));
    List<Document> documents = new ArrayList<>(unrelated(unrelated));
    documents.add(appointment(PRACTITIONER, ten, morning, "BOOKED"));
    documents.add(appointment(PRACTITIONER, three, afternoon, "COMPLETED"));
    String cancelledId = "apt-" + UUID.randomUUID();
    documents.add(appointment(PRACTITIONER, noon, List.of(Claims.tombstone(cancelledId)), "CANCELLED")
        .append(Appointment.ID, cancelledId));
    insert(store, documents);
    Set<String> expected = new HashSet<>(morning);
    expected.addAll(afternoon);

    backend.examined.set(0);
    Set<String> taken = store.takenAmong(Claims.covering(PRACTITIONER, DAY, DAY.plus(Duration.ofDays(1))));
    return new Measured(taken, expected, backend.examined.get());
  }

  private record Measured(Set<String> taken, Set<String> expected, long examined) {}

  private static List<Document> unrelated(int count) {
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean sameDayOtherPractitioner = i % 2 == 0;
      String practitioner = sameDayOtherPractitioner ? "prac-other-" + i : PRACTITIONER;
      Instant start = sameDayOtherPractitioner
          ? DAY.plus(Duration.ofHours(8 + i % 10))
          : DAY.plus(Duration.ofDays(1 + i)).plus(Duration.ofHours(10));
      documents.add(appointment(practitioner, start,
          Claims.covering(practitioner, start, start.plus(Duration.ofMinutes(75))), "BOOKED"));
    }
    return documents;
  }

  private static Document appointment(String practitionerId, Instant start, List<String> claims, String status) {
    return new Document("_id", "apt-" + UUID.randomUUID())
        .append(Appointment.STATUS, status)
        .append(Appointment.PRACTITIONER_ID, practitionerId)
        .append(Appointment.START, Date.from(start))
        .append(Appointment.CLAIMS, claims);
  }

  private static void insert(AppointmentStore store, List<Document> documents) {
    store.collection().insertMany(documents);
  }

  private static AppointmentStore freshStore() {
    String database = "taken-claims-" + UUID.randomUUID().toString().substring(0, 8);
    AppointmentStore store = new AppointmentStore(new MongoTemplate(client, database), new OutboxWakeUp());
    store.createIndexes();
    return store;
  }

  /** The wire server's memory backend, counting the documents queries on appointments examine. */
  static final class ExaminingBackend extends MemoryBackend {

    final AtomicLong examined = new AtomicLong();

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
      CursorRegistry cursors = getCursorRegistry();
      return new MemoryDatabase(databaseName, cursors) {
        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
          return new MemoryCollection(this, collectionName, options, cursors) {
            @Override
            protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                de.bwaldvogel.mongo.bson.Document query) {
              if (collectionName.equals(Outbox.COLLECTION)) {
                examined.incrementAndGet();
              }
              return super.documentMatchesQuery(document, query);
            }
          };
        }
      };
    }
  }
}
