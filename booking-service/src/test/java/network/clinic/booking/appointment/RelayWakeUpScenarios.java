package network.clinic.booking.appointment;

import static network.clinic.booking.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Map;
import java.util.UUID;
import network.clinic.booking.Api;
import network.clinic.booking.BookingInstance;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.Catalogue;
import network.clinic.booking.TopicReader;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A change's event leaves right after the change, not at the relay's next poll: the instance that
 * wrote it wakes its relay. Shown with a poll an hour apart, on a database of its own, so no other
 * instance's relay publishes in its place.
 */
abstract class RelayWakeUpScenarios extends BookingIntegrationTest {

  @Test
  void eachChangeIsPublishedAtOnceThoughTheRelayWouldNotPollForAnHour() {
    String database = "booking-wakeup-" + UUID.randomUUID().toString().substring(0, 8);
    String uri = mongoUri().replace("/" + mongo.getDb().getName(), "/" + database);
    try (MongoClient client = MongoClients.create(uri)) {
      Catalogue isolated = new Catalogue(new MongoTemplate(client, database));
      Clinic clinic = isolated.aClinic().save();
      Treatment treatment = isolated.aTreatment().minutes(45, 10).save();
      Practitioner practitioner = isolated.aPractitioner().offering(treatment).worksAt(clinic, "08:00", "20:00").save();

      try (TopicReader topic = new TopicReader(kafkaBootstrapServers());
          BookingInstance instance = BookingInstance.start(uri, kafkaBootstrapServers(),
              "--clinic.outbox.poll-interval=1h")) {
        Api api = instance.api();
        Api.Response booked = api.post("/api/v1/appointments",
            bookingRequest(clinic, practitioner, treatment, local(clinic, 5, "11:00"))).send();
        assertThat(booked.status()).isEqualTo(201);
        String id = booked.json().path("id").asString();
        assertThat(topic.awaitForKey(id, 1)).extracting(r -> header(r, CloudEventHeaders.TYPE))
            .containsExactly(EventType.BOOKED.cloudEventType());

        // By now the relay has certainly finished its first pass and waits: only a wake-up helps.
        Api.Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", Map.of("reason", "Feeling better"))
            .token(booked.json().path("manageToken").asString()).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(topic.awaitForKey(id, 2)).extracting(r -> header(r, CloudEventHeaders.TYPE))
            .containsExactly(EventType.BOOKED.cloudEventType(), EventType.CANCELLED.cloudEventType());
      }
    }
  }
}
