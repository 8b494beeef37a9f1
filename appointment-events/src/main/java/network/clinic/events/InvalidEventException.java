package network.clinic.events;

import java.util.List;

/**
 * An event body that breaks its contract. The message says what is wrong and where, never the
 * values: bodies carry personal data and end up in logs via exception messages.
 */
public class InvalidEventException extends RuntimeException {

  private final List<String> errors;

  InvalidEventException(String summary, List<String> errors) {
    super(summary + ": " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** The individual problems, each a location and a message free of event data. */
  public List<String> errors() {
    return errors;
  }
}
