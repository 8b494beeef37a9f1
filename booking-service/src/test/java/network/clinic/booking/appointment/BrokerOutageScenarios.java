package network.clinic.booking.appointment;

import static network.clinic.booking.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.clinic.booking.Api;
import network.clinic.booking.BookingInstance;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.Catalogue;
import network.clinic.booking.TopicReader;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import network.clinic.testing.InterruptibleKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 2 from the API to the topic: with the broker unreachable, booking still answers 201 and
 * its changes wait in the appointment's outbox; once the broker is reachable again, every event is
 * delivered in order. Each scenario runs on a database of its own, so no other instance's relay
 * publishes early.
 */
abstract class BrokerOutageScenarios extends BookingIntegrationTest {

  /**
   * A broker for one scenario alone, which it may take down and bring back while a booking-service
   * keeps running on it; the broker the other tests share is never disturbed.
   */
  protected abstract InterruptibleKafka startDedicatedBroker();

  @Test
  void aRunningInstanceDeliversEveryEventExactlyOnceInOrderWhenTheBrokerComesBack() {
    String database = "booking-outage-" + UUID.randomUUID().toString().substring(0, 8);
    String uri = mongoUri().replace("/" + mongo.getDb().getName(), "/" + database);
    try (MongoClient client = MongoClients.create(uri);
        InterruptibleKafka broker = startDedicatedBroker();
        BookingInstance service = BookingInstance.start(uri, broker.bootstrapServers());
        TopicReader topic = new TopicReader(broker.bootstrapServers())) {
      MongoTemplate outageDb = new MongoTemplate(client, database);
      Catalogue isolated = new Catalogue(outageDb);
      Clinic clinic = isolated.aClinic().save();
      Treatment treatment = isolated.aTreatment().minutes(45, 10).save();
      Practitioner practitioner = isolated.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();
      Api api = service.api();

      // Before the outage: the relay is live and this appointment's first event is out.
      Api.Response first = api.post("/api/v1/appointments",
          bookingRequest(clinic, practitioner, treatment, local(clinic, 5, "09:00"))).send();
      assertThat(first.status()).isEqualTo(201);
      String early = first.json().path("id").asString();
      assertThat(topic.awaitForKey(early, 1)).hasSize(1);
      await().atMost(Duration.ofSeconds(10)).until(() -> pendingEntries(outageDb, early).isEmpty());

      broker.takeDown();
      long failuresBefore = service.publishFailures();

      Api.Response moved = api.post("/api/v1/appointments/" + early + "/reschedule",
              Map.of("start", local(clinic, 5, "15:00").toString()))
          .token(first.json().path("manageToken").asString()).send();
      assertThat(moved.status()).isEqualTo(200);
      Api.Response booked = api.post("/api/v1/appointments",
          bookingRequest(clinic, practitioner, treatment, local(clinic, 6, "11:00"))).send();
      assertThat(booked.status()).isEqualTo(201);
      String changed = booked.json().path("id").asString();
      Api.Response rescheduled = api.post("/api/v1/appointments/" + changed + "/reschedule",
              Map.of("start", local(clinic, 7, "14:30").toString()))
          .token(booked.json().path("manageToken").asString()).send();
      assertThat(rescheduled.status()).isEqualTo(200);
      Api.Response cancelled = api.post("/api/v1/appointments/" + changed + "/cancel", Map.of("reason", "Feeling better"))
          .token(rescheduled.json().path("manageToken").asString()).send();
      assertThat(cancelled.status()).isEqualTo(200);
      Api.Response another = api.post("/api/v1/appointments",
          bookingRequest(clinic, practitioner, treatment, local(clinic, 8, "10:00"))).send();
      assertThat(another.status()).isEqualTo(201);
      String late = another.json().path("id").asString();

      // The instance tried, failed, and kept every change pending, in order.
      await().atMost(Duration.ofSeconds(30)).until(() -> service.publishFailures() > failuresBefore);
      Map<String, List<EventType>> expected = Map.of(
          early, List.of(EventType.RESCHEDULED),
          changed, List.of(EventType.BOOKED, EventType.RESCHEDULED, EventType.CANCELLED),
          late, List.of(EventType.BOOKED));
      expected.forEach((id, types) -> assertThat(pendingEntries(outageDb, id))
          .extracting(entry -> entry.getString("type"))
          .containsExactlyElementsOf(types.stream().map(EventType::cloudEventType).toList()));

      broker.bringBack();

      assertThat(topic.awaitForKey(early, 2)).hasSize(2);
      topic.awaitForKey(changed, 3);
      topic.awaitForKey(late, 1);
      // Nothing more arrives: each event exactly once.
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> topic.catchUp()
          .forKey(early).size() == 2 && topic.forKey(changed).size() == 3 && topic.forKey(late).size() == 1);
      assertDeliveredInSequence(topic.forKey(early), List.of(EventType.BOOKED, EventType.RESCHEDULED));
      assertDeliveredInSequence(topic.forKey(changed), expected.get(changed));
      assertDeliveredInSequence(topic.forKey(late), expected.get(late));
      assertThat(Api.JSON.readTree(topic.forKey(changed).getLast().value()).path("manageUrl").asString())
          .endsWith("token=" + cancelled.json().path("manageToken").asString());
      await().atMost(Duration.ofSeconds(10)).until(() ->
          outageDb.getCollection(Outbox.COLLECTION).countDocuments(Filters.exists(Outbox.ENTRIES)) == 0);
    }
  }

  private static List<Document> pendingEntries(MongoTemplate db, String id) {
    Document appointment = db.getCollection(Outbox.COLLECTION).find(new Document("_id", id)).first();
    return appointment.getList(Outbox.ENTRIES, Document.class, List.of());
  }

  /** The given types, in order, with sequence 1, 2, ... and distinct event ids, each valid. */
  private static void assertDeliveredInSequence(List<ConsumerRecord<String, String>> events, List<EventType> types) {
    assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE))
        .containsExactlyElementsOf(types.stream().map(EventType::cloudEventType).toList());
    assertThat(events).extracting(r -> header(r, CloudEventHeaders.ID)).doesNotHaveDuplicates();
    for (int i = 0; i < events.size(); i++) {
      assertThat(AppointmentEventSchemas.validate(types.get(i), events.get(i).value())).isEmpty();
      assertThat(Api.JSON.readTree(events.get(i).value()).path("sequence").asLong()).isEqualTo(i + 1);
    }
  }

  /** Events left pending by an instance that never reached the broker go out from another one. */
  @Test
  void withTheBrokerDownBookingsSucceedAndEveryEventIsDeliveredInOrderOnceItIsBack() {
    String database = "booking-outage-" + UUID.randomUUID().toString().substring(0, 8);
    String uri = mongoUri().replace("/" + mongo.getDb().getName(), "/" + database);
    try (MongoClient client = MongoClients.create(uri)) {
      MongoTemplate outageDb = new MongoTemplate(client, database);
      Catalogue isolated = new Catalogue(outageDb);
      Clinic clinic = isolated.aClinic().save();
      Treatment treatment = isolated.aTreatment().minutes(45, 10).save();
      Practitioner practitioner = isolated.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();

      String id;
      String manageUrl;
      String finalToken;
      try (BookingInstance cutOff = BookingInstance.start(uri, "127.0.0.1:" + unusedPort(),
          "--spring.kafka.admin.auto-create=false")) {
        Api api = cutOff.api();
        Api.Response booked = api.post("/api/v1/appointments",
            bookingRequest(clinic, practitioner, treatment, local(clinic, 5, "11:00"))).send();
        assertThat(booked.status()).isEqualTo(201);
        id = booked.json().path("id").asString();
        manageUrl = booked.json().path("manageUrl").asString();
        Api.Response moved = api.post("/api/v1/appointments/" + id + "/reschedule",
                Map.of("start", local(clinic, 6, "14:30").toString()))
            .token(booked.json().path("manageToken").asString()).send();
        assertThat(moved.status()).isEqualTo(200);
        Api.Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "Feeling better"))
            .token(moved.json().path("manageToken").asString()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        finalToken = cancelled.json().path("manageToken").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> cutOff.publishFailures() >= 2);
        Document pending = outageDb.getCollection(Outbox.COLLECTION).find(new Document("_id", id)).first();
        assertThat(pending.getList(Outbox.ENTRIES, Document.class)).extracting(e -> e.getString("type"))
            .containsExactly(EventType.BOOKED.cloudEventType(), EventType.RESCHEDULED.cloudEventType(),
                EventType.CANCELLED.cloudEventType());
      }

      try (TopicReader topic = new TopicReader(kafkaBootstrapServers());
          BookingInstance connected = BookingInstance.start(uri, kafkaBootstrapServers())) {
        List<ConsumerRecord<String, String>> events = topic.awaitForKey(id, 3);

        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly(
            EventType.BOOKED.cloudEventType(), EventType.RESCHEDULED.cloudEventType(),
            EventType.CANCELLED.cloudEventType());
        List<EventType> types = List.of(EventType.BOOKED, EventType.RESCHEDULED, EventType.CANCELLED);
        for (int i = 0; i < 3; i++) {
          assertThat(AppointmentEventSchemas.validate(types.get(i), events.get(i).value())).isEmpty();
          assertThat(Api.JSON.readTree(events.get(i).value()).path("sequence").asLong()).isEqualTo(i + 1);
        }
        JsonNode booked = Api.JSON.readTree(events.getFirst().value());
        assertThat(booked.path("manageUrl").asString()).isEqualTo(manageUrl);
        assertThat(booked.path("patient").path("name").asString()).isEqualTo("Jordan Ellery");
        assertThat(booked.path("patient").path("email").asString()).startsWith("jordan.ellery+");
        assertThat(Api.JSON.readTree(events.getLast().value()).path("manageUrl").asString())
            .endsWith("token=" + finalToken);
        await().atMost(Duration.ofSeconds(10)).until(() -> !outageDb.getCollection(Outbox.COLLECTION)
            .find(new Document("_id", id)).first().containsKey(Outbox.ENTRIES));
      }
    }
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
