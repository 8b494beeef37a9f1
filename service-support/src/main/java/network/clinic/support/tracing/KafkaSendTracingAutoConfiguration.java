package network.clinic.support.tracing;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Lets Kafka templates observe their sends (a span per send, the W3C {@code traceparent} header
 * on every record) without ever waiting for the broker. An observed template names the cluster
 * in its span, and to learn the name it asks a {@link KafkaAdmin} on the first send — and again
 * on every send while the broker is unreachable, each time blocking for the admin's timeout.
 * Giving every template an admin that does not know the cluster id keeps sends as fast to fail
 * as the producer's own {@code max.block.ms}; spans name the peer "Apache Kafka" without an id.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class KafkaSendTracingAutoConfiguration {

  @Bean
  static BeanPostProcessor kafkaTemplatesWithoutClusterIdLookup() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof KafkaTemplate<?, ?> template) {
          template.setKafkaAdmin(new ClusterIdUnknown());
        }
        return bean;
      }
    };
  }

  /** Never connects: only the template's cluster-id lookup ever sees it. */
  static final class ClusterIdUnknown extends KafkaAdmin {

    ClusterIdUnknown() {
      super(Map.of());
      setAutoCreate(false);
    }

    @Override
    public String clusterId() {
      return null;
    }
  }
}
