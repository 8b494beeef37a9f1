package network.clinic.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import network.clinic.support.mongo.MongoOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resolver in line: whatever no service handler dealt with becomes a problem document
 * instead of Spring Boot's default error body — 503 with {@code Retry-After} when a backing
 * store is unreachable, else 500. Neither echoes the exception's message, which may quote data.
 * Security exceptions pass through to Spring Security, which answers 401/403.
 */
public class UnhandledExceptionProblems implements HandlerExceptionResolver, Ordered {

  static final String UNAVAILABLE_TYPE = "https://clinic.network/problems/service-unavailable";
  static final String INTERNAL_TYPE = "https://clinic.network/problems/internal-error";
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(UnhandledExceptionProblems.class);

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
    if (exception instanceof AccessDeniedException || exception instanceof AuthenticationException || response.isCommitted()) {
      return null;
    }
    try {
      if (MongoOutages.isOutage(exception)) {
        log.warn("{} {} failed: a backing service is unreachable ({})", request.getMethod(), request.getRequestURI(), exception.getClass().getName());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        ProblemBody.write(response, 503, UNAVAILABLE_TYPE, "Service unavailable", "A service this request needs is unreachable. Try again shortly.");
      } else {
        // Type and place only: messages of arbitrary exceptions can carry personal data.
        log.error("{} {} failed with an unhandled {}", request.getMethod(), request.getRequestURI(), exception.getClass().getName());
        ProblemBody.write(response, 500, INTERNAL_TYPE, "Internal error", "The request could not be completed.");
      }
      return new ModelAndView();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
