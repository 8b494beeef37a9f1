package network.clinic.booking.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error this service answers, as an RFC 9457 problem document with a stable {@code type}.
 * Spring MVC's own errors (malformed JSON, wrong types, missing parameters, unknown paths) get
 * types here too. Texts never quote the request: values may be personal data.
 *
 * <p>Deliberately no catch-all handler: Spring Security's access and authentication exceptions
 * must reach its filters, which answer 401/403 as problem documents themselves, and anything
 * unexpected stays a plain 500 without details.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  static final String VALIDATION_FAILED = "validation-failed";
  static final String MALFORMED_REQUEST = "malformed-request";
  static final String PAYLOAD_TOO_LARGE = "payload-too-large";

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    body.setType(e.type());
    body.setTitle(e.title());
    if (!e.errors().isEmpty()) {
      body.setProperty("errors", e.errors());
    }
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfter() != null) {
      // Whole seconds, rounded up, at least 1: a client that waits that long gets through.
      long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    return ResponseEntity.status(e.status()).headers(headers).body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors()
        .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    return validationFailed(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> {
      String name = result.getMethodParameter().getParameterName();
      result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(
          error instanceof FieldError field ? field.getField() : name,
          error.getDefaultMessage())));
    });
    return validationFailed(errors);
  }

  private ResponseEntity<Object> validationFailed(List<FieldProblem> errors) {
    errors.sort(Comparator.comparing(FieldProblem::field));
    ProblemDetail body = ProblemDetail.forStatusAndDetail(
        HttpStatus.UNPROCESSABLE_CONTENT, "Some fields are missing or invalid; see errors.");
    body.setType(URI.create(ProblemException.TYPE_BASE + VALIDATION_FAILED));
    body.setTitle("Validation failed");
    body.setProperty("errors", errors);
    return ResponseEntity.unprocessableContent().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body;
    MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
    if (mismatch != null && !path(mismatch).isEmpty()) {
      String field = path(mismatch);
      body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "A field has the wrong type or format; see errors.");
      body.setProperty("errors", List.of(new FieldProblem(field, "has the wrong type or format")));
    } else {
      body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
          "The request body is missing or is not well-formed JSON.");
    }
    body.setType(URI.create(ProblemException.TYPE_BASE + MALFORMED_REQUEST));
    body.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "A parameter has the wrong type or format; see errors.");
    body.setType(URI.create(ProblemException.TYPE_BASE + MALFORMED_REQUEST));
    body.setTitle("Malformed request");
    String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    body.setProperty("errors", List.of(new FieldProblem(name, "has the wrong type or format")));
    return ResponseEntity.badRequest().body(body);
  }

  /** Spring MVC's other errors keep their status; they get a stable type and no echoed input. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(URI.create(ProblemException.TYPE_BASE + typeFor(statusCode)));
    }
    return response;
  }

  private static String typeFor(HttpStatusCode status) {
    return Map.of(
            400, MALFORMED_REQUEST,
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            413, PAYLOAD_TOO_LARGE,
            415, "unsupported-media-type",
            503, "service-unavailable")
        .getOrDefault(status.value(), "http-" + status.value());
  }

  /** e.g. {@code patient.email} or {@code items[2].name}. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
