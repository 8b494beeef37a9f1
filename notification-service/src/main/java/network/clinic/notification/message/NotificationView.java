package network.clinic.notification.message;

import java.time.Instant;

/**
 * One message, without its content or recipient.
 *
 * @param eventId the appointment change that caused it
 * @param sequence that change's position among the appointment's changes
 * @param dueAt when it was to go out (a reminder: its scheduled time)
 * @param nextAttemptAt while pending: when it will be tried (again)
 * @param acceptedAt when the SMTP server or SMS provider accepted it
 * @param lastError the kind of the last failure, if any
 * @param supersededBy when cancelled: the later change that made it out of date
 */
record NotificationView(
    String eventId,
    long sequence,
    Channel channel,
    MessageKind type,
    MessageStatus status,
    int attempts,
    Instant createdAt,
    Instant dueAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Instant acceptedAt,
    Instant updatedAt,
    String lastError,
    String supersededBy) {

  static NotificationView of(Message message) {
    return new NotificationView(
        message.eventId(),
        message.sequence(),
        message.channel(),
        message.kind(),
        message.status(),
        message.attempts(),
        message.createdAt(),
        message.dueAt(),
        message.nextAttemptAt(),
        message.lastAttemptAt(),
        message.acceptedAt(),
        message.updatedAt(),
        message.lastError(),
        message.supersededBy());
  }
}
