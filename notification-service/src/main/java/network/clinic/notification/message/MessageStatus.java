package network.clinic.notification.message;

/** Where a message stands. Only {@link #PENDING} messages are ever sent. */
enum MessageStatus {
  /** Waiting until it is due, or for its next attempt after a failure. */
  PENDING,
  /** Accepted by the SMTP server or SMS provider. Never sent again. */
  SENT,
  /** Given up: rejected for good, or every attempt failed. */
  FAILED,
  /** Superseded by a later change of the appointment before it was sent. */
  CANCELLED,
  /** A reminder whose appointment had started before it could be sent. */
  EXPIRED
}
