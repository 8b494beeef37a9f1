package network.clinic.support.security;

import network.clinic.support.web.ProblemBody;
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
      ProblemBody.write(response, 401, UNAUTHORIZED_TYPE, "Unauthorized", "A valid staff bearer token is required.");
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        ProblemBody.write(response, 403, FORBIDDEN_TYPE, "Forbidden", "This staff token may not do this.");
  }
}
