package network.clinic.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * The RFC 9457 body for answers given outside Spring MVC (security filters, the catch-all, Tomcat's
 * error valve), where no ProblemDetail converter runs. Only fixed texts go in: nothing from the
 * request is ever echoed, so nothing needs escaping.
 */
public final class ProblemBody {

  private ProblemBody() {}

  public static String json(int status, String type, String title, String detail) {
    return "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}".formatted(type, title, status, detail);
  }

  public static void write(HttpServletResponse response, int status, String type, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json(status, type, title, detail).getBytes(StandardCharsets.UTF_8));
  }
}
