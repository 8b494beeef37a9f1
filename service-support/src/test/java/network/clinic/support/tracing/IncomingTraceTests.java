package network.clinic.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import network.clinic.support.security.SecuredTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request that arrives inside a trace (a traced clinic website, a gateway) stays in that trace. */
@SpringBootTest(
    classes = SecuredTestApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.config.import=classpath:service-defaults.yml")
class IncomingTraceTests {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @LocalServerPort int port;

  @Test
  void theRequestIsHandledInTheTraceItsTraceparentNames() throws Exception {
    assertThat(currentTraceId("00-" + TRACE_ID + "-00f067aa0ba902b7-01")).isEqualTo(TRACE_ID);
  }

  @Test
  void withoutATraceparentTheRequestStartsATraceOfItsOwn() throws Exception {
    assertThat(currentTraceId(null)).hasSize(32).isNotEqualTo(TRACE_ID);
  }

  private String currentTraceId(String traceparent) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/current-trace"));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replaceAll(".*\"traceId\":\"([0-9a-f]*)\".*", "$1");
  }
}
