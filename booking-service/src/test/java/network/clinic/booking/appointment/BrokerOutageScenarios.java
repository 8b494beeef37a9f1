package network.clinic.booking.appointment;

import static network.clinic.booking.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 2 from the API to the topic: with the broker unreachable, booking still answers 201 and
 * its changes wait in the appointment's outbox; once an instance reaches the broker, every event is
 * delivered in order. Runs on a database of its own, so no other instance's relay publishes early.
 */
abstract class BrokerOutageScenarios extends BookingIntegrationTest {

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
