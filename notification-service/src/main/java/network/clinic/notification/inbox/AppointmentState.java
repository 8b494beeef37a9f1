package network.clinic.notification.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service last learned about an appointment, so an older event arriving late is
 * recognised as stale.
 *
 * @param lastSequence the highest event sequence seen for the appointment
 * @param lastEventId the event that carried it
 */
@Document("appointment_state")
record AppointmentState(
    @Id String appointmentId, long lastSequence, String lastEventId, Instant updatedAt) {

  static final String LAST_SEQUENCE = "lastSequence";
  static final String LAST_EVENT_ID = "lastEventId";
  static final String UPDATED_AT = "updatedAt";
}
