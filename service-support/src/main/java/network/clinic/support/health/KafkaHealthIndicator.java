package network.clinic.support.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether a Kafka broker answers. Spring Boot ships no Kafka health check, and a service
 * that cannot reach its broker must drop out of readiness rather than accept work it cannot pass on.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

  private final KafkaAdmin kafkaAdmin;
  private final Duration timeout;
  private volatile AdminClient adminClient;

  KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
    super("Kafka health check failed");
    this.kafkaAdmin = kafkaAdmin;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster =
        client().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
    String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
  }

  // One client for the life of the service: creating one per check would open new connections
  // every few seconds under a probe.
  private AdminClient client() {
    AdminClient client = adminClient;
    if (client == null) {
      synchronized (this) {
        if (adminClient == null) {
          adminClient = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        client = adminClient;
      }
    }
    return client;
  }

  void close() {
    if (adminClient != null) {
      adminClient.close(Duration.ofSeconds(2));
    }
  }
}
