package network.clinic.booking.outbox;

import static com.mongodb.client.model.Indexes.ascending;

import com.mongodb.client.model.IndexOptions;
import java.util.Map;
import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration {

  /**
   * The relay is this service's only producer, so the auto-configured producer is set up for it:
   * durable acks and idempotence (no duplicates or reordering from the client's own retries),
   * and short timeouts so an unreachable broker fails a send quickly. Connection settings (servers,
   * TLS) still come from {@code spring.kafka.*}.
   */
  @Bean
  DefaultKafkaProducerFactoryCustomizer outboxProducerSettings(OutboxProperties properties) {
    OutboxProperties.Producer producer = properties.producer();
    return factory -> factory.updateConfigs(Map.of(
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) producer.maxBlock().toMillis(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) producer.requestTimeout().toMillis(),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) producer.deliveryTimeout().toMillis()));
  }

  /** Spring Kafka's default listener logs the start of failed records' values: event bodies. */
  @Bean
  ProducerListener<Object, Object> kafkaProducerListener() {
    LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
    listener.setIncludeContents(false);
    return listener;
  }

  /** Created at startup by the auto-configured KafkaAdmin if missing; 3 partitions by contract. */
  @Bean
  NewTopic appointmentsTopic(OutboxProperties properties) {
    return TopicBuilder.name(AppointmentTopics.APPOINTMENTS)
        .partitions(3)
        .replicas(properties.topicReplicas())
        .build();
  }

  /**
   * The relay polls {@code outboxPendingSince}. Sparse: most appointments have nothing pending,
   * so the index holds only the ones that do, and the poll and the gauges stay cheap on MongoDB.
   * The wire server used in tests and the local stack ignores non-unique indexes and scans
   * instead, which is one more reason the relay polls only as a safety net.
   */
  @Bean
  ApplicationRunner outboxIndex(MongoTemplate mongo) {
    return args -> mongo.getCollection(Outbox.COLLECTION)
        .createIndex(ascending(Outbox.PENDING_SINCE), new IndexOptions().sparse(true));
  }

  @Bean
  SchedulingConfigurer outboxMetricsSchedule(OutboxMetrics metrics, OutboxProperties properties) {
    return registrar -> registrar.addFixedDelayTask(metrics::refresh, properties.metricsRefresh());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "clinic.outbox.enabled", matchIfMissing = true)
  OutboxRelayLoop outboxRelayLoop(OutboxRelay relay, OutboxWakeUp wakeUp, OutboxProperties properties) {
    return new OutboxRelayLoop(relay, wakeUp, properties);
  }
}
