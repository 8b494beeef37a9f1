package network.clinic.notification.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The mark that an event was handled; its id (the event id) makes a second one impossible. Ids,
 * type and times only: no event body and no personal data.
 *
 * @param type the CloudEvents type, e.g. {@code clinic.appointment.booked.v1}
 */
@Document("received_events")
record ReceivedEvent(
    @Id String eventId,
    String appointmentId,
    String type,
    long sequence,
    Instant occurredAt,
    Instant receivedAt) {}
