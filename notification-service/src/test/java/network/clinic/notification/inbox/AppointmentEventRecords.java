package network.clinic.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data: Kafka records as booking-service publishes them (CloudEvents binary binding), with
 * bodies from the contract's schema examples and fresh ids, so tests never see each other's events.
 */
final class AppointmentEventRecords {

  private AppointmentEventRecords() {}

  static Builder aBookedEventRecord() {
    return anEventRecord(EventType.BOOKED);
  }

  static Builder anEventRecord(EventType type) {
    return new Builder(type);
  }

  static final class Builder {

    private final EventType type;
    private String ceType;
    private UUID eventId = UUID.randomUUID();
    private String appointmentId = "apt-" + UUID.randomUUID();
    private Long sequence;
    private String patientEmail;
    private String body;
    private Integer partition;

    private Builder(EventType type) {
      this.type = type;
      this.ceType = type.cloudEventType();
    }

    Builder appointmentId(String appointmentId) {
      this.appointmentId = appointmentId;
      return this;
    }

    Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    Builder patientEmail(String patientEmail) {
      this.patientEmail = patientEmail;
      return this;
    }

    /** A ce_type header other than the body's type. */
    Builder ceType(String ceType) {
      this.ceType = ceType;
      return this;
    }

    /** A body other than the example's, sent as is. */
    Builder body(String body) {
      this.body = body;
      return this;
    }

    /** An explicit partition instead of the one the key hashes to. */
    Builder partition(int partition) {
      this.partition = partition;
      return this;
    }

    UUID eventId() {
      return eventId;
    }

    String appointmentId() {
      return appointmentId;
    }

    String json() {
      if (body != null) {
        return body;
      }
      ObjectNode event = (ObjectNode) AppointmentEventJson.mapper()
          .readTree(AppointmentEventSchemas.example(type));
      event.put("eventId", eventId.toString());
      event.put("appointmentId", appointmentId);
      if (sequence != null) {
        event.put("sequence", sequence);
      }
      if (patientEmail != null) {
        ((ObjectNode) event.get("patient")).put("email", patientEmail);
      }
      return AppointmentEventJson.mapper().writeValueAsString(event);
    }

    ProducerRecord<String, String> build() {
      RecordHeaders headers = new RecordHeaders();
      header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
      header(headers, CloudEventHeaders.ID, eventId.toString());
      header(headers, CloudEventHeaders.SOURCE, "/booking-service");
      header(headers, CloudEventHeaders.TYPE, ceType);
      header(headers, CloudEventHeaders.TIME, "2026-06-02T14:05:12.318Z");
      header(headers, CloudEventHeaders.SUBJECT, appointmentId);
      header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      return new ProducerRecord<>(
          AppointmentTopics.APPOINTMENTS, partition, appointmentId, json(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
