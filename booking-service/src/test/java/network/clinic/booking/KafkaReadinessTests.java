package network.clinic.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import network.clinic.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Readiness follows the broker: a service that cannot reach Kafka leaves the load balancer's
 * rotation, while liveness stays up so the platform does not restart it for an outage it cannot
 * fix. The broker here is the test's own, because stopping the shared one would break other tests
 * in this JVM. (Both services that use Kafka share this health check from service-support;
 * ServiceFoundationScenarios checks that each one's readiness group includes it.)
 */
class KafkaReadinessTests {

  @Test
  void readinessGoesDownWithTheBrokerAndLivenessStaysUp() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    boolean brokerRunning = true;
    String mongoUri = EmbeddedInfrastructure.shared().mongoUri("booking-kafka-readiness");
    try (BookingInstance instance = BookingInstance.start(mongoUri, broker.getBrokersAsString(),
        "--management.endpoint.health.show-details=always")) {
      Api api = instance.api();
      await("readiness UP with the broker running")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> {
            Api.Response readiness = api.get("/actuator/health/readiness").send();
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
          });

      broker.destroy();
      brokerRunning = false;

      await("readiness DOWN once the broker is gone")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> {
            Api.Response readiness = api.get("/actuator/health/readiness").send();
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("components").path("kafka").path("status").asString()).isEqualTo("DOWN");
            assertThat(readiness.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
          });
      Api.Response liveness = api.get("/actuator/health/liveness").send();
      assertThat(liveness.status()).isEqualTo(200);
    } finally {
      if (brokerRunning) {
        broker.destroy();
      }
    }
  }
}
