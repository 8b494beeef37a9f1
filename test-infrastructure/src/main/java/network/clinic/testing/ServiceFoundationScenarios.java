package network.clinic.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * What every service promises operations, checked over real HTTP against real Kafka and MongoDB:
 * probes (readiness covers MongoDB, and Kafka where the service uses it), metrics, build and git info, the OpenAPI document and Swagger UI.
 * Each service extends this twice: on {@link EmbeddedInfrastructure} and on
 * {@link ContainerInfrastructure}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "management.endpoint.health.show-details=always")
public abstract class ServiceFoundationScenarios {

  @LocalServerPort int port;

  private RestClient http() {
    return RestClient.builder()
        .baseUrl("http://127.0.0.1:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
        .build();
  }

  private ResponseEntity<String> get(String path) {
    return http().get().uri(path).retrieve().toEntity(String.class);
  }

  @Autowired ApplicationContext context;

  @Test
  void readinessIsUpAndCoversMongoAndKafkaWhenTheServiceUsesIt() {
    ResponseEntity<String> readiness = get("/actuator/health/readiness");

    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody())
        .contains("\"status\":\"UP\"")
        .contains("\"mongo\":{\"status\":\"UP\"")
        .contains("\"readinessState\":{\"status\":\"UP\"");
    // Spring Boot's Kafka auto-configuration registers this bean in services that use Kafka
    boolean usesKafka = context.containsBean("kafkaAdmin");
    if (usesKafka) {
      assertThat(readiness.getBody()).contains("\"kafka\":{\"details\":");
    } else {
      assertThat(readiness.getBody()).doesNotContain("kafka");
    }
  }

  @Test
  void livenessIsUpWithoutDependingOnInfrastructure() {
    ResponseEntity<String> liveness = get("/actuator/health/liveness");

    assertThat(liveness.getStatusCode().value()).isEqualTo(200);
    assertThat(liveness.getBody()).contains("\"status\":\"UP\"").doesNotContain("mongo").doesNotContain("kafka");
  }

  @Test
  void prometheusEndpointExposesJvmAndHttpMetricsTaggedWithTheApplication() {
    get("/actuator/health");

    ResponseEntity<String> scrape = get("/actuator/prometheus");

    assertThat(scrape.getStatusCode().value()).isEqualTo(200);
    assertThat(scrape.getBody()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    assertThat(scrape.getBody()).containsPattern("application=\"[a-z]+-service\"");
  }

  @Test
  void infoEndpointReportsBuildAndGit() {
    ResponseEntity<String> info = get("/actuator/info");

    assertThat(info.getStatusCode().value()).isEqualTo(200);
    assertThat(info.getBody()).contains("\"build\":").contains("\"artifact\":").contains("\"git\":").contains("\"commit\":");
  }

  @Test
  void openApiDocumentAndSwaggerUiAreServed() {
    ResponseEntity<String> apiDocs = get("/v3/api-docs");
    ResponseEntity<String> swaggerUi = get("/swagger-ui/index.html");

    assertThat(apiDocs.getStatusCode().value()).isEqualTo(200);
    assertThat(apiDocs.getBody()).contains("\"openapi\":\"3.");
    assertThat(swaggerUi.getStatusCode().value()).isEqualTo(200);
    assertThat(swaggerUi.getBody()).contains("swagger-ui");
  }
}
