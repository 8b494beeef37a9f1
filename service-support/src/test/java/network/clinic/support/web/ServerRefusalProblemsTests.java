package network.clinic.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import network.clinic.support.security.SecuredTestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before any application code runs (an encoded NUL or backslash in the
 * path) are answered with a problem document like every other bad request, not Tomcat's HTML page.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ServerRefusalProblemsTests {

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/public%00", "/api/v1/%5Cpublic", "/api/v1/public/%00/x", "/%5C%5C"})
  void refusedPathsGetAProblemDocument(String path) throws Exception {
    String response = rawGet(path);

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(response).contains("\"status\":400").contains("\"title\":\"Bad Request\"").doesNotContain("<html").doesNotContain("Tomcat");
  }

  // A raw socket: HTTP clients refuse to send these paths or normalise them away.
  private String rawGet(String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
