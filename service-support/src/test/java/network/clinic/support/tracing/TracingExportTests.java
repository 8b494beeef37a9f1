package network.clinic.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Spans are exported over OTLP only when asked to; tracing itself (ids, propagation) is always on. */
class TracingExportTests {

  @Test
  void byDefaultNothingIsExportedButSpansStillCarryIds() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
      assertThat(context.getBean(Tracer.class).nextSpan().context().traceId()).hasSize(32);
    }
  }

  @Test
  void tracingExportEnabledSendsSpansToTheConfiguredOtlpEndpoint() {
    try (ConfigurableApplicationContext context =
        start("--TRACING_EXPORT_ENABLED=true", "--OTLP_TRACING_ENDPOINT=http://collector.example:4318/v1/traces")) {
      assertThat(context.getBeansOfType(SpanExporter.class).values())
          .singleElement()
          .satisfies(exporter -> assertThat(exporter.toString()).contains("collector.example:4318"));
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(AutoConfigured.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.import=classpath:service-defaults.yml", "spring.application.name=tracing-probe")
        .run(args);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class AutoConfigured {}
}
