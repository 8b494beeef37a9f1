package network.clinic.booking.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import org.bson.Document;

/**
 * One unpublished event in an appointment's outbox.
 *
 * @param eventId the CloudEvents id; a retried publish sends the same one, so consumers drop
 *     repeats
 * @param type the CloudEvents type, e.g. {@code clinic.appointment.booked.v1}
 * @param occurredAt when the change committed; stored as a BSON date (milliseconds)
 * @param payload the exact JSON body to send. Carries personal data: never log it.
 * @param traceparent the W3C trace context of the change, so the publish continues its trace;
 *     null when the change ran outside a trace
 */
public record OutboxEntry(String eventId, String type, Instant occurredAt, String payload, String traceparent) {

  static final String EVENT_ID = "eventId";
  static final String TYPE = "type";
  static final String OCCURRED_AT = "occurredAt";
  static final String PAYLOAD = "payload";
  static final String TRACEPARENT = "traceparent";

  public OutboxEntry {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * The entry for an event, its body written with the contract's mapper.
   *
   * @throws IllegalArgumentException if occurredAt is finer than milliseconds: MongoDB dates keep
   *     milliseconds, and the {@code ce_time} header (from the stored date) must equal the body's
   *     occurredAt. Create events from {@code clock.instant().truncatedTo(ChronoUnit.MILLIS)}.
   */
  public static OutboxEntry of(AppointmentEvent event) {
    return of(event, null);
  }

  /** As {@link #of(AppointmentEvent)}, remembering the trace the change belongs to. */
  public static OutboxEntry of(AppointmentEvent event, String traceparent) {
    if (!event.occurredAt().equals(event.occurredAt().truncatedTo(ChronoUnit.MILLIS))) {
      throw new IllegalArgumentException("occurredAt must be truncated to milliseconds");
    }
    return new OutboxEntry(
        event.eventId().toString(),
        event.type().cloudEventType(),
        event.occurredAt(),
        AppointmentEventJson.write(event),
        traceparent);
  }

  public Document toDocument() {
    return new Document(EVENT_ID, eventId)
        .append(TYPE, type)
        .append(OCCURRED_AT, Date.from(occurredAt))
        .append(PAYLOAD, payload)
        .append(TRACEPARENT, traceparent);
  }

  static OutboxEntry fromDocument(Document document) {
    return new OutboxEntry(
        document.getString(EVENT_ID),
        document.getString(TYPE),
        document.getDate(OCCURRED_AT).toInstant(),
        document.getString(PAYLOAD),
        document.getString(TRACEPARENT));
  }

  /** Without the payload, so an entry that ends up in a log message leaks no personal data. */
  @Override
  public String toString() {
    return "OutboxEntry[eventId=" + eventId + ", type=" + type + ", occurredAt=" + occurredAt + "]";
  }
}
