package network.clinic.notification.message;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problems with stable types. Our own exceptions and Spring MVC's standard
 * ones only: Spring Security's access exceptions pass through to its filters, which answer 401 and
 * 403 as problems themselves.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

  static final URI NOT_FOUND = URI.create("https://clinic.network/problems/notifications-not-found");
  static final URI INVALID_PARAMETER = URI.create("https://clinic.network/problems/invalid-parameter");

  @ExceptionHandler(NotificationsNotFoundException.class)
  ProblemDetail notFound(NotificationsNotFoundException exception) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.NOT_FOUND, "No notifications were recorded for this appointment.");
    problem.setType(NOT_FOUND);
    problem.setTitle("Notifications not found");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalid("The query parameter " + exception.getParameterName() + " is required.",
        exception, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // Names the parameter, never echoes its value.
    String names = String.join(", ", exception.getParameterValidationResults().stream()
        .map(result -> String.valueOf(result.getMethodParameter().getParameterName()))
        .distinct()
        .toList());
    return invalid("Invalid value of: " + names + ".", exception, headers, request);
  }

  private ResponseEntity<Object> invalid(
      String detail, Exception exception, HttpHeaders headers, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(INVALID_PARAMETER);
    problem.setTitle("Invalid parameter");
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }
}
