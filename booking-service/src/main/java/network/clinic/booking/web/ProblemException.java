package network.clinic.booking.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A domain error with its RFC 9457 problem document. Thrown by any feature; turned into a response
 * in one place ({@link ProblemHandling}). Details are fixed texts or ids: never request values, so
 * no personal data reaches a response or a log through them.
 */
public class ProblemException extends RuntimeException {

  public static final String TYPE_BASE = "https://clinic.network/problems/";

  private final HttpStatus status;
  private final String typeName;
  private final String title;
  private final List<FieldProblem> errors;
  private final Duration retryAfter;

  public ProblemException(HttpStatus status, String typeName, String title, String detail) {
    this(status, typeName, title, detail, List.of(), null);
  }

  public ProblemException(
      HttpStatus status, String typeName, String title, String detail, List<FieldProblem> errors) {
    this(status, typeName, title, detail, errors, null);
  }

  public ProblemException(
      HttpStatus status,
      String typeName,
      String title,
      String detail,
      List<FieldProblem> errors,
      Duration retryAfter) {
    // No stack trace: these are expected outcomes, and cheap to throw under load (e.g. 409s).
    super(detail, null, false, false);
    this.status = status;
    this.typeName = typeName;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** 404 for anything the caller may not know exists, e.g. an appointment with a wrong token. */
  public static ProblemException notFound(String what) {
    return new ProblemException(
        HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what + " with this id.");
  }

  /** 422 about one field of the request, e.g. a start outside working hours. */
  public static ProblemException unprocessable(String typeName, String title, String field, String message) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, typeName, title, message,
        List.of(new FieldProblem(field, message)));
  }

  /** 409: the request is well-formed but conflicts with the current state or a policy. */
  public static ProblemException conflict(String typeName, String title, String detail) {
    return new ProblemException(HttpStatus.CONFLICT, typeName, title, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String typeName() {
    return typeName;
  }

  public URI type() {
    return URI.create(TYPE_BASE + typeName);
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
