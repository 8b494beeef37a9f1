package network.clinic.content.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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

/**
 * Every error as an RFC 9457 problem with a stable {@code type}. Handles our own exceptions and
 * Spring MVC's standard ones only: Spring Security's access exceptions are left to its filters,
 * which answer 401/403 as problems too.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  private static final Map<Integer, URI> TYPES_BY_STATUS =
      Map.of(
          400, ProblemTypes.BAD_REQUEST,
          404, ProblemTypes.NOT_FOUND,
          405, ProblemTypes.METHOD_NOT_ALLOWED,
          406, ProblemTypes.NOT_ACCEPTABLE,
          413, ProblemTypes.PAYLOAD_TOO_LARGE,
          415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
          500, ProblemTypes.SERVER_ERROR);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    return problem(problem.toProblemDetail());
  }

  /** Someone else saved the article between our read and our write. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> lostUpdate(OptimisticLockingFailureException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The article was changed by someone else; read it again and reapply your change.");
    problem.setType(ProblemTypes.STALE_VERSION);
    problem.setTitle("Stale version");
    return problem(problem);
  }

  /** Two writers raced for one slug; the unique index let only one in. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicateSlug(DuplicateKeyException exception) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "An article with this slug already exists.");
    problem.setType(ProblemTypes.SLUG_TAKEN);
    problem.setTitle("Slug taken");
    return problem(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors =
        exception.getBindingResult().getFieldErrors().stream()
            .sorted(Comparator.comparing(FieldError::getField))
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setType(ProblemTypes.VALIDATION_FAILED);
    problem.setTitle("Validation failed");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors =
        exception.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                Map.of(
                                    "field",
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    "message",
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
    problem.setType(ProblemTypes.INVALID_PARAMETER);
    problem.setTitle("Invalid parameter");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The parser's message may quote the body: keep it out of the response
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON for this operation.");
    problem.setType(ProblemTypes.MALFORMED_REQUEST);
    problem.setTitle("Malformed request");
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (status.is5xxServerError()) {
      log.error("Request failed", exception);
    }
    return super.handleExceptionInternal(exception, body, headers, status, request);
  }

  /** Gives Spring's own problems (404, 405, 415...) a stable type instead of about:blank. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(
          TYPES_BY_STATUS.getOrDefault(status.value(), status.is4xxClientError() ? ProblemTypes.BAD_REQUEST : ProblemTypes.SERVER_ERROR));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
