package network.clinic.notification.message;

import java.time.Instant;

/**
 * A message an event calls for, before it is recorded.
 *
 * @param dueAt when to send it; null for "as soon as possible"
 * @param expiresAt after this it is not sent at all (a reminder's appointment start); or null
 */
record PlannedMessage(
    String eventId,
    String appointmentId,
    String clinicId,
    long sequence,
    Instant occurredAt,
    Channel channel,
    MessageKind kind,
    Instant dueAt,
    Instant expiresAt) {}
