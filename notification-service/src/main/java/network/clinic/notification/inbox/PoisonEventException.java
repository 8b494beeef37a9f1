package network.clinic.notification.inbox;

/**
 * A record that can never be handled, however often it is retried: unreadable, against its
 * schema, of an unknown type, or with headers that contradict the body. The error handler sends it
 * straight to the dead-letter topic. Messages name what is wrong, never event data (personal).
 */
class PoisonEventException extends RuntimeException {

  PoisonEventException(String message) {
    super(message);
  }

  PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
