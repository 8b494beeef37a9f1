package network.clinic.notification.message;

/**
 * A message was not accepted. Permanent failures (an address the server rejects, content that
 * cannot be built) are not retried; others are, with backoff. The message must name no personal
 * data: it ends up in logs.
 */
public class DeliveryException extends RuntimeException {

  private final boolean permanent;

  public DeliveryException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
