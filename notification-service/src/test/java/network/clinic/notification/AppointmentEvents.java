package network.clinic.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data: appointment events as booking-service publishes them, starting from the contract's
 * schema examples (clinic in Europe/London, visit on Tuesday 16 June 2026 at 09:30 BST), with
 * fresh ids and a fresh patient address so tests never see each other's messages. Every body is
 * checked against its schema before use.
 */
public final class AppointmentEvents {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private AppointmentEvents() {}

  public static Builder aBooking() {
    return new Builder(EventType.BOOKED).patientEmail(freshEmail());
  }

  public static Builder an(EventType type) {
    return new Builder(type).patientEmail(freshEmail());
  }

  public static String freshEmail() {
    return "patient-" + UUID.randomUUID() + "@example.com";
  }

  public static final class Builder {

    private final EventType type;
    private final ObjectNode body;
    private Integer partition;

    private Builder(EventType type) {
      this.type = type;
      this.body = (ObjectNode) AppointmentEventJson.mapper()
          .readTree(AppointmentEventSchemas.example(type));
      body.put("eventId", UUID.randomUUID().toString());
      body.put("appointmentId", "apt-" + UUID.randomUUID());
    }

    private Builder(EventType type, ObjectNode body) {
      this.type = type;
      this.body = body;
    }

    /**
     * The next change of the same appointment: same clinic, patient and time, sequence + 1, a new
     * event id, occurring one hour later.
     */
    public Builder then(EventType next) {
      ObjectNode copy = body.deepCopy();
      copy.put("eventId", UUID.randomUUID().toString());
      copy.put("type", next.name());
      copy.put("sequence", sequence() + 1);
      copy.put("occurredAt", occurredAt().plus(Duration.ofHours(1)).toString());
      copy.putNull("previousTime");
      copy.putNull("cancellation");
      Builder builder = new Builder(next, copy);
      if (next == EventType.RESCHEDULED) {
        copy.set("previousTime", body.get("time").deepCopy());
      }
      if (next == EventType.CANCELLED) {
        builder.cancelledBy(AppointmentEvent.CancelledBy.PATIENT, "Away with work that week");
      }
      return builder;
    }

    public Builder appointmentId(String appointmentId) {
      body.put("appointmentId", appointmentId);
      return this;
    }

    public Builder sequence(long sequence) {
      body.put("sequence", sequence);
      return this;
    }

    public Builder occurredAt(Instant occurredAt) {
      body.put("occurredAt", occurredAt.toString());
      return this;
    }

    /** Moves the visit, keeping its length; local times follow the clinic's zone. */
    public Builder startingAt(Instant start) {
      int minutes = body.get("treatment").get("durationMinutes").asInt();
      body.set("time", slot(start, start.plus(Duration.ofMinutes(minutes))));
      return this;
    }

    public Builder previouslyAt(Instant start) {
      int minutes = body.get("treatment").get("durationMinutes").asInt();
      body.set("previousTime", slot(start, start.plus(Duration.ofMinutes(minutes))));
      return this;
    }

    public Builder clinicId(String clinicId) {
      clinic().put("id", clinicId);
      return this;
    }

    public Builder reminderLeadHours(int hours) {
      clinic().put("reminderLeadHours", hours);
      return this;
    }

    public Builder cancellationCutoffHours(int hours) {
      clinic().put("cancellationCutoffHours", hours);
      return this;
    }

    public Builder patientName(String name) {
      patient().put("name", name);
      return this;
    }

    public Builder patientEmail(String email) {
      patient().put("email", email);
      return this;
    }

    public Builder phone(String phone) {
      if (phone == null) {
        patient().putNull("phone");
      } else {
        patient().put("phone", phone);
      }
      return this;
    }

    public Builder consent(boolean email, boolean sms) {
      ObjectNode consent = (ObjectNode) patient().get("consent");
      consent.put("email", email);
      consent.put("sms", sms);
      return this;
    }

    public Builder manageUrl(String url) {
      body.put("manageUrl", url);
      return this;
    }

    public Builder cancelledBy(AppointmentEvent.CancelledBy by, String reason) {
      ObjectNode cancellation = body.putObject("cancellation");
      cancellation.put("by", by.name());
      if (reason == null) {
        cancellation.putNull("reason");
      } else {
        cancellation.put("reason", reason);
      }
      return this;
    }

    /** An explicit partition instead of the one the key hashes to. */
    public Builder partition(int partition) {
      this.partition = partition;
      return this;
    }

    public UUID eventId() {
      return UUID.fromString(body.get("eventId").asString());
    }

    public String appointmentId() {
      return body.get("appointmentId").asString();
    }

    public long sequence() {
      return body.get("sequence").asLong();
    }

    public Instant occurredAt() {
      return Instant.parse(body.get("occurredAt").asString());
    }

    public Instant start() {
      return Instant.parse(body.get("time").get("start").asString());
    }

    public String patientEmail() {
      return patient().get("email").asString();
    }

    public String json() {
      String json = AppointmentEventJson.mapper().writeValueAsString(body);
      AppointmentEventSchemas.requireValid(type, json);
      return json;
    }

    public AppointmentEvent event() {
      return AppointmentEventJson.read(json());
    }

    /** The Kafka record, with CloudEvents binary-mode headers. */
    public ProducerRecord<String, String> record() {
      RecordHeaders headers = new RecordHeaders();
      header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
      header(headers, CloudEventHeaders.ID, eventId().toString());
      header(headers, CloudEventHeaders.SOURCE, "/booking-service");
      header(headers, CloudEventHeaders.TYPE, type.cloudEventType());
      header(headers, CloudEventHeaders.TIME, occurredAt().toString());
      header(headers, CloudEventHeaders.SUBJECT, appointmentId());
      header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
      return new ProducerRecord<>(
          AppointmentTopics.APPOINTMENTS, partition, appointmentId(), json(), headers);
    }

    private ObjectNode slot(Instant start, Instant end) {
      ZoneId zone = ZoneId.of(clinic().get("zoneId").asString());
      ObjectNode slot = AppointmentEventJson.mapper().createObjectNode();
      slot.put("start", start.toString());
      slot.put("end", end.toString());
      slot.put("localStart", LOCAL.format(start.atZone(zone)));
      slot.put("localEnd", LOCAL.format(end.atZone(zone)));
      return slot;
    }

    private ObjectNode clinic() {
      return (ObjectNode) body.get("clinic");
    }

    private ObjectNode patient() {
      return (ObjectNode) body.get("patient");
    }

    private static void header(RecordHeaders headers, String name, String value) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
