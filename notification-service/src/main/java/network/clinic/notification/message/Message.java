package network.clinic.notification.message;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message to send to a patient, recorded when its event is handled and sent from here later:
 * the outbox of this service. Its id names the event, channel and kind, so handling an event
 * again can never record a second one.
 *
 * <p>{@code payload} is the event body (JSON) the message is rendered from at sending time. It
 * holds personal data and the manage link, like the topic: it is never logged, never returned by
 * the API, and removed as soon as the message is settled (sent, failed, cancelled, expired).
 *
 * @param id {@code eventId|channel|kind}
 * @param sequence the appointment's event sequence: later changes supersede pending messages of
 *     earlier ones
 * @param occurredAt when the change happened; delivery latency of non-reminders counts from here
 * @param dueAt when the message should go out: when it was recorded, or a reminder's time
 * @param nextAttemptAt when a dispatcher may next take it; only while pending
 * @param expiresAt a reminder's appointment start: not sent after it
 * @param leaseOwner the dispatcher instance sending it right now, until {@code leaseUntil}
 * @param attempts sending attempts started so far
 * @param acceptedAt when the SMTP server or SMS provider accepted it
 * @param lastError the class of the last failure, no message text (it may quote addresses)
 * @param supersededBy the event whose later change cancelled this message
 * @param traceparent the trace of the event's handling, which the send continues (W3C; may be null)
 */
@Document(Message.COLLECTION)
record Message(
    @Id String id,
    String eventId,
    String appointmentId,
    String clinicId,
    long sequence,
    Channel channel,
    MessageKind kind,
    MessageStatus status,
    int attempts,
    Instant occurredAt,
    Instant dueAt,
    Instant nextAttemptAt,
    Instant expiresAt,
    String leaseOwner,
    Instant leaseUntil,
    Instant createdAt,
    Instant updatedAt,
    Instant lastAttemptAt,
    Instant acceptedAt,
    String lastError,
    String supersededBy,
    String payload,
    String traceparent) {

  static final String COLLECTION = "messages";

  static final String APPOINTMENT_ID = "appointmentId";
  static final String SEQUENCE = "sequence";
  static final String CHANNEL = "channel";
  static final String KIND = "kind";
  static final String STATUS = "status";
  static final String ATTEMPTS = "attempts";
  static final String DUE_AT = "dueAt";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String LEASE_OWNER = "leaseOwner";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";
  static final String LAST_ATTEMPT_AT = "lastAttemptAt";
  static final String ACCEPTED_AT = "acceptedAt";
  static final String LAST_ERROR = "lastError";
  static final String SUPERSEDED_BY = "supersededBy";
  static final String PAYLOAD = "payload";
  static final String TRACEPARENT = "traceparent";

  static String id(String eventId, Channel channel, MessageKind kind) {
    return eventId + "|" + channel + "|" + kind;
  }

  /** A new pending message of an event. */
  static Message pending(
      PlannedMessage planned, String payload, String traceparent, Instant now) {
    return new Message(
        id(planned.eventId(), planned.channel(), planned.kind()),
        planned.eventId(),
        planned.appointmentId(),
        planned.clinicId(),
        planned.sequence(),
        planned.channel(),
        planned.kind(),
        MessageStatus.PENDING,
        0,
        planned.occurredAt(),
        planned.dueAt() == null ? now : planned.dueAt(),
        planned.dueAt() == null ? now : planned.dueAt(),
        planned.expiresAt(),
        null,
        null,
        now,
        now,
        null,
        null,
        null,
        null,
        payload,
        traceparent);
  }

  /** When delivery latency starts: a reminder is late from its due time, others from the change. */
  Instant latencyStart() {
    return kind == MessageKind.REMINDER ? dueAt : occurredAt;
  }
}
