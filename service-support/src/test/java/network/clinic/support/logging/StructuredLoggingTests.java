package network.clinic.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** LOG_FORMAT, read through the shared service defaults, switches console logs to JSON. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

  @Test
  void logFormatEcsWritesOneJsonObjectPerLine(CapturedOutput output) {
    try (ConfigurableApplicationContext ignored = start("--LOG_FORMAT=ecs")) {
      LoggerFactory.getLogger(StructuredLoggingTests.class).info("structured-probe");
    }

    assertThat(output.getOut().lines().filter(line -> line.contains("structured-probe")))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("{").endsWith("}").contains("\"@timestamp\"").contains("\"log\":{\"level\":\"INFO\""));
  }

  @Test
  void withoutLogFormatLinesAreHumanReadable(CapturedOutput output) {
    try (ConfigurableApplicationContext ignored = start()) {
      LoggerFactory.getLogger(StructuredLoggingTests.class).info("plain-probe");
    }

    assertThat(output.getOut().lines().filter(line -> line.contains("plain-probe")))
        .singleElement()
        .satisfies(line -> assertThat(line).doesNotStartWith("{").contains("INFO"));
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(Minimal.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.import=classpath:service-defaults.yml", "spring.application.name=logging-probe")
        .run(args);
  }

  @Configuration(proxyBeanMethods = false)
  static class Minimal {}
}
