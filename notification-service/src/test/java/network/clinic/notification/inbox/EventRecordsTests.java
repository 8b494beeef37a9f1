package network.clinic.notification.inbox;

import static network.clinic.notification.inbox.AppointmentEventRecords.aBookedEventRecord;
import static network.clinic.notification.inbox.AppointmentEventRecords.anEventRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventRecordsTests {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void readsTheSchemaExampleOfEveryType(EventType type) {
    AppointmentEventRecords.Builder record = anEventRecord(type);

    AppointmentEvent event = EventRecords.read(consumed(record.build()));

    assertThat(event.type()).isEqualTo(type);
    assertThat(event.eventId()).isEqualTo(record.eventId());
    assertThat(event.appointmentId()).isEqualTo(record.appointmentId());
  }

  @Test
  void unknownTypeIsPoison() {
    assertPoison(aBookedEventRecord().ceType("clinic.appointment.booked.v2").build(), "ce_type");
  }

  @Test
  void missingTypeIsPoison() {
    assertPoison(without(aBookedEventRecord().build(), CloudEventHeaders.TYPE), "ce_type");
  }

  @Test
  void missingOrMalformedIdIsPoison() {
    assertPoison(without(aBookedEventRecord().build(), CloudEventHeaders.ID), "ce_id");
    assertPoison(withId(aBookedEventRecord().build(), "42"), "ce_id");
  }

  @Test
  void idHeaderDifferentFromTheBodysEventIdIsPoison() {
    ProducerRecord<String, String> record =
        withId(aBookedEventRecord().build(), UUID.randomUUID().toString());

    assertPoison(record, "eventId");
  }

  @Test
  void bodyOfAnotherTypeThanTheHeaderSaysIsPoison() {
    // A booked body under a cancelled header breaks the cancelled schema's "type" constant.
    AppointmentEventRecords.Builder booked = aBookedEventRecord();
    ProducerRecord<String, String> record =
        booked.ceType(EventType.CANCELLED.cloudEventType()).build();

    assertPoison(record, "$.type");
  }

  @Test
  void notJsonIsPoisonAndTheMessageQuotesNothingOfTheBody() {
    ProducerRecord<String, String> record =
        aBookedEventRecord().body("{\"patient\": jordan.ellery@example.com}").build();

    assertThatThrownBy(() -> EventRecords.read(consumed(record)))
        .isInstanceOf(PoisonEventException.class)
        .message().doesNotContain("jordan");
  }

  @Test
  void missingValueIsPoison() {
    ProducerRecord<String, String> tombstone = aBookedEventRecord().build();
    ConsumerRecord<String, String> record = new ConsumerRecord<>(
        tombstone.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
        tombstone.key(), null, tombstone.headers(), Optional.empty());

    assertThatThrownBy(() -> EventRecords.read(record)).isInstanceOf(PoisonEventException.class);
  }

  private static void assertPoison(ProducerRecord<String, String> record, String mentioning) {
    assertThatThrownBy(() -> EventRecords.read(consumed(record)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining(mentioning);
  }

  private static ProducerRecord<String, String> without(
      ProducerRecord<String, String> record, String header) {
    record.headers().remove(header);
    return record;
  }

  private static ProducerRecord<String, String> withId(
      ProducerRecord<String, String> record, String ceId) {
    without(record, CloudEventHeaders.ID).headers()
        .add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> record) {
    return new ConsumerRecord<>(
        record.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0,
        record.key(), record.value(), record.headers(), Optional.empty());
  }
}
