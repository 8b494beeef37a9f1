package network.clinic.notification.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;

/**
 * Consuming the appointments topic, and all its error handling in one place: poison goes to the
 * dead-letter topic at once; a MongoDB outage is retried without limit ({@link OutageRetries}),
 * holding the partition; anything else gets a bounded exponential backoff, then the dead-letter
 * topic, and the partition moves on. Spring Boot's listener container factory, consumer and
 * producer factories are kept and customised, so its {@code spring.kafka.*} settings still apply.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumerConfiguration {

  /** Failures no retry can fix, besides those Spring Kafka treats as fatal anyway. */
  private static final List<Class<? extends Exception>> POISON =
      List.of(PoisonEventException.class, DeserializationException.class);

  @Bean
  NewTopic appointmentsDeadLetterTopic(EventConsumerProperties properties) {
    return TopicBuilder.name(AppointmentTopics.APPOINTMENTS_DEAD_LETTER)
        .partitions(properties.deadLetter().partitions())
        .build();
  }

  @Bean
  DefaultKafkaConsumerFactoryCustomizer appointmentEventConsumer(
      EventConsumerProperties properties) {
    return factory -> {
      Map<String, Object> configs = new HashMap<>();
      configs.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
      // A record that cannot be deserialized (a value that is not UTF-8) reaches the error
      // handler as a DeserializationException and the DLT with its raw bytes, instead of failing
      // every poll() at the same offset and blocking the partition.
      configs.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
      configs.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
      configs.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
      configs.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, StrictUtf8Deserializer.class);
      // A new group starts from the oldest retained event, so nothing published before this
      // service first ran is skipped (Kafka's default is "latest"). spring.kafka.* can override.
      String offsetReset = ConsumerConfig.AUTO_OFFSET_RESET_CONFIG;
      if (!factory.getConfigurationProperties().containsKey(offsetReset)) {
        configs.put(offsetReset, "earliest");
      }
      factory.updateConfigs(configs);
    };
  }

  /**
   * Lets Boot's one producer write dead letters of both kinds: the String a listener failed on, and
   * the raw bytes of a record the ErrorHandlingDeserializer could not read.
   */
  @Bean
  DefaultKafkaProducerFactoryCustomizer deadLetterSerializers() {
    return factory -> {
      @SuppressWarnings("unchecked")
      DefaultKafkaProducerFactory<Object, Object> producers =
          (DefaultKafkaProducerFactory<Object, Object>) factory;
      producers.setKeySerializer(textOrBytes());
      producers.setValueSerializer(textOrBytes());
    };
  }

  private static Serializer<Object> textOrBytes() {
    return new DelegatingByTypeSerializer(Map.of(
        String.class, new StringSerializer(),
        byte[].class, new ByteArraySerializer()));
  }

  /**
   * Stamps each delivery's attempt number on the record; the dead letter keeps the headers, so it
   * shows whether a record was retried before it was given up.
   */
  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
      deliveryAttemptHeader() {
    return container -> container.getContainerProperties().setDeliveryAttemptHeader(true);
  }

  /**
   * Publishes a failed record to the DLT at its source partition number, so a dead letter stays
   * next to its appointment's other events. Headers are kept and exception headers added.
   */
  @Bean
  DeadLetterPublishingRecoverer appointmentDeadLetters(KafkaOperations<?, ?> kafkaTemplate) {
    return new DeadLetterPublishingRecoverer(
        kafkaTemplate,
        (record, exception) ->
            new TopicPartition(AppointmentTopics.APPOINTMENTS_DEAD_LETTER, record.partition()));
  }

  /** Picked up by Boot's listener container factory as its one error handler. */
  @Bean
  @SuppressWarnings("unchecked")
  DefaultErrorHandler appointmentEventErrorHandler(
      DeadLetterPublishingRecoverer appointmentDeadLetters,
      EventConsumerProperties properties,
      InboxMetrics metrics) {
    List<Class<? extends Throwable>> notRetryable = new ArrayList<>(POISON);
    notRetryable.addAll(ExceptionClassifier.defaultFatalExceptionsList());
    DeadLetterRecoverer recoverer =
        new DeadLetterRecoverer(appointmentDeadLetters, notRetryable, metrics);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(properties.retry()));
    handler.addNotRetryableExceptions(POISON.toArray(Class[]::new));
    handler.setBackOffFunction(OutageRetries::backOffFor);
    // Commit a dead-lettered offset at once, so a restart does not dead-letter the record again.
    handler.setCommitRecovered(true);
    return handler;
  }

  private static BackOff backOff(EventConsumerProperties.Retry retry) {
    ExponentialBackOffWithMaxRetries backOff =
        new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
    backOff.setInitialInterval(retry.initialInterval().toMillis());
    backOff.setMultiplier(retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    return backOff;
  }
}
