package network.clinic.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import network.clinic.support.web.ProblemBody;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request Spring Security's firewall refuses (encoded slashes, semicolons, control characters in
 * the path...) gets a 400 problem document like every other bad request, instead of Spring Boot's
 * default error body. Nothing from the request is echoed.
 */
final class RejectedRequestProblems implements RequestRejectedHandler {

  static final String TYPE = "https://clinic.network/problems/rejected-request";

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    ProblemBody.write(response, 400, TYPE, "Bad Request", "The request URL contains characters this API does not accept.");
  }
}
