package network.clinic.localstack;

/** A reason the stack cannot start that a person can act on; printed without a stack trace. */
public class StackStartException extends RuntimeException {

  StackStartException(String message) {
    super(message);
  }

  StackStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
