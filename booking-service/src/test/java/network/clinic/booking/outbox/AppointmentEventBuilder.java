package network.clinic.booking.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.events.AppointmentEventSchemas;
import network.clinic.events.EventType;

/** Contract-valid events, starting from the schema's example of the type: {@code anEvent(BOOKED)}. */
final class AppointmentEventBuilder {

  private final EventType type;
  private UUID eventId = UUID.randomUUID();
  private String appointmentId = "apt-" + UUID.randomUUID();
  private long sequence = 1;
  private Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private AppointmentEventBuilder(EventType type) {
    this.type = type;
  }

  static AppointmentEventBuilder anEvent(EventType type) {
    return new AppointmentEventBuilder(type);
  }

  AppointmentEventBuilder forAppointment(String appointmentId) {
    this.appointmentId = appointmentId;
    return this;
  }

  AppointmentEventBuilder sequence(long sequence) {
    this.sequence = sequence;
    return this;
  }

  AppointmentEventBuilder occurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    return this;
  }

  AppointmentEvent build() {
    AppointmentEvent example = AppointmentEventJson.read(AppointmentEventSchemas.example(type));
    return new AppointmentEvent(
        eventId,
        type,
        appointmentId,
        sequence,
        occurredAt,
        example.clinic(),
        example.practitioner(),
        example.treatment(),
        example.time(),
        example.patient(),
        "https://booking.example.org/manage/" + appointmentId + "?token=3f9c1a7e52d84b60",
        example.previousTime(),
        example.cancellation());
  }

  /** The outbox entry a domain write would append for this event. */
  OutboxEntry entry() {
    return OutboxEntry.of(build());
  }
}
