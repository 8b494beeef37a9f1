package network.clinic.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.CloudEventHeaders;
import network.clinic.events.EventType;
import network.clinic.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a Kafka record of the CloudEvents binary binding into an {@link AppointmentEvent}. */
final class EventRecords {

  private EventRecords() {}

  /**
   * @throws PoisonEventException if the record breaks the contract in a way no retry can fix
   */
  static AppointmentEvent read(ConsumerRecord<String, String> record) {
    // ce_type decides the schema; an unknown one may be a newer producer's v2: not ours to guess.
    String ceType = header(record, CloudEventHeaders.TYPE);
    EventType type = EventType.fromCloudEventType(ceType)
        .orElseThrow(() -> new PoisonEventException("Unknown or missing ce_type header"));
    UUID ceId = eventId(header(record, CloudEventHeaders.ID));
    String json = record.value();
    if (json == null) {
      throw new PoisonEventException("Record without a value");
    }
    AppointmentEvent event;
    try {
      AppointmentEventSchemas.requireValid(type, json);
      event = AppointmentEventJson.read(json);
    } catch (InvalidEventException e) {
      // Its message lists locations and rules only, so it may travel into logs and DLT headers.
      throw new PoisonEventException(e.getMessage(), e);
    }
    if (!ceId.equals(event.eventId())) {
      throw new PoisonEventException("ce_id header differs from the body's eventId");
    }
    return event;
  }

  private static UUID eventId(String ceId) {
    if (ceId == null) {
      throw new PoisonEventException("Missing ce_id header");
    }
    try {
      return UUID.fromString(ceId);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("ce_id header is not a UUID");
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
