package network.clinic.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem documents, like every other error the services return. The
 * texts are fixed: nothing from the request is echoed.
 */
final class ProblemResponses {

  static final String UNAUTHORIZED_TYPE = "https://clinic.network/problems/unauthorized";
  static final String FORBIDDEN_TYPE = "https://clinic.network/problems/forbidden";

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", "Bearer");
      write(response, 401, UNAUTHORIZED_TYPE, "Unauthorized", "A valid staff bearer token is required.");
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        write(response, 403, FORBIDDEN_TYPE, "Forbidden", "This staff token may not do this.");
  }

  private static void write(HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(type, title, status, detail);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
