package network.clinic.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import network.clinic.events.AppointmentEvent.Cancellation;
import network.clinic.events.AppointmentEvent.CancelledBy;
import network.clinic.events.AppointmentEvent.Clinic;
import network.clinic.events.AppointmentEvent.Consent;
import network.clinic.events.AppointmentEvent.Patient;
import network.clinic.events.AppointmentEvent.Practitioner;
import network.clinic.events.AppointmentEvent.Slot;
import network.clinic.events.AppointmentEvent.Treatment;

/** Test data: valid events of every type, built from java.time values rather than JSON. */
final class AppointmentEvents {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String PATIENT_EMAIL = "robin.ashdown@example.com";

  private AppointmentEvents() {}

  static Builder aBookedEvent() {
    return new Builder();
  }

  static Builder aRescheduledEvent() {
    return aBookedEvent()
        .type(EventType.RESCHEDULED)
        .sequence(2)
        .previousTime(slot(LocalDateTime.of(2026, 7, 1, 11, 0), 45))
        .time(slot(LocalDateTime.of(2026, 7, 3, 15, 30), 45));
  }

  static Builder aCancelledEvent() {
    return aBookedEvent()
        .type(EventType.CANCELLED)
        .sequence(3)
        .cancellation(new Cancellation(CancelledBy.STAFF, "Practitioner unwell"));
  }

  static Builder aCompletedEvent() {
    return aBookedEvent().type(EventType.COMPLETED).sequence(2);
  }

  static Builder aNoShowEvent() {
    return aBookedEvent().type(EventType.NO_SHOW).sequence(2);
  }

  static Builder anEvent(EventType type) {
    return switch (type) {
      case BOOKED -> aBookedEvent();
      case RESCHEDULED -> aRescheduledEvent();
      case CANCELLED -> aCancelledEvent();
      case COMPLETED -> aCompletedEvent();
      case NO_SHOW -> aNoShowEvent();
    };
  }

  /** A slot at a London wall-clock time, with the matching instants (BST in July). */
  static Slot slot(LocalDateTime localStart, int minutes) {
    LocalDateTime localEnd = localStart.plusMinutes(minutes);
    return new Slot(
        localStart.atZone(LONDON).toInstant(), localEnd.atZone(LONDON).toInstant(),
        localStart, localEnd);
  }

  static final class Builder {

    private EventType type = EventType.BOOKED;
    private long sequence = 1;
    private Slot time = slot(LocalDateTime.of(2026, 7, 1, 11, 0), 45);
    private String email = PATIENT_EMAIL;
    private String phone = "+447700900456";
    private Slot previousTime;
    private Cancellation cancellation;

    Builder type(EventType type) {
      this.type = type;
      return this;
    }

    Builder sequence(long sequence) {
      this.sequence = sequence;
      return this;
    }

    Builder time(Slot time) {
      this.time = time;
      return this;
    }

    Builder patientEmail(String email) {
      this.email = email;
      return this;
    }

    Builder patientPhone(String phone) {
      this.phone = phone;
      return this;
    }

    Builder previousTime(Slot previousTime) {
      this.previousTime = previousTime;
      return this;
    }

    Builder cancellation(Cancellation cancellation) {
      this.cancellation = cancellation;
      return this;
    }

    AppointmentEvent build() {
      return new AppointmentEvent(
          UUID.fromString("3c7d9e21-6a4b-4f58-9b02-d1e8a5c4f730"),
          type,
          "apt-9r3d6x",
          sequence,
          // Sub-second precision, as Instant.now() gives in production.
          Instant.parse("2026-06-20T16:42:09.123456Z"),
          new Clinic("clinic-bristol", "Larkspur Acupuncture Clifton",
              "3 Example Terrace, Bristol BS8 9ZZ", "+44 117 496 0555", LONDON.getId(), 24, 48),
          new Practitioner("prac-023", "Owen Tremayne"),
          new Treatment("trt-follow-up-45", "Follow-up acupuncture", 45),
          time,
          new Patient("Robin Ashdown", email, phone, new Consent(true, phone != null)),
          "https://booking.example.org/manage/apt-9r3d6x?token=c4e8a1f07b3d9265",
          previousTime,
          cancellation);
    }

    String json() {
      return AppointmentEventJson.write(build());
    }
  }
}
