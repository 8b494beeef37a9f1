package network.clinic.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * The services' Kafka template observes its sends: a record sent inside a trace carries that
 * trace's traceparent, and the template never asks a broker for its cluster id (no broker runs
 * here: bootstrap points at a closed port, so any such lookup would hang the send).
 */
class KafkaSendTracingTests {

  private static final MockProducer<String, String> PRODUCER =
      new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());

  private ConfigurableApplicationContext context;

  @AfterEach
  void close() {
    context.close();
    PRODUCER.clear();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRecordSentInsideATraceCarriesItsTraceparent() throws Exception {
    context = start();
    KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
    Tracer tracer = context.getBean(Tracer.class);

    Span request = tracer.nextSpan().name("booking request").start();
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      template.send("appointments", "apt-1", "{}").get();
    } finally {
      request.end();
    }

    ProducerRecord<String, String> sent = PRODUCER.history().getFirst();
    Header traceparent = sent.headers().lastHeader("traceparent");
    assertThat(traceparent).isNotNull();
    assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + request.context().traceId() + "-");
  }

  @Test
  void theTemplateNeverLooksUpTheClusterId() {
    context = start();
    KafkaTemplate<?, ?> template = context.getBean(KafkaTemplate.class);

    assertThat(template.getKafkaAdmin()).isInstanceOf(KafkaSendTracingAutoConfiguration.ClusterIdUnknown.class);
    assertThat(template.getKafkaAdmin().clusterId()).isNull();
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(WithMockProducer.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.config.import=classpath:service-defaults.yml",
            "spring.application.name=kafka-tracing-probe",
            "spring.kafka.bootstrap-servers=127.0.0.1:9")
        .run();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class WithMockProducer {

    // Object, Object: the type Boot's auto-configured template asks for
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ProducerFactory<Object, Object> producerFactory() {
      return new MockProducerFactory(() -> (Producer) PRODUCER);
    }
  }
}
