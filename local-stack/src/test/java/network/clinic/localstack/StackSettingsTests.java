package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTests {

  private final Path root = Path.of("/repo");

  @Test
  void defaultsAreTheDocumentedPortsAndAFolderInTheRepository() {
    StackSettings settings = StackSettings.from(Map.of(), root);

    assertThat(settings.kafkaPort()).isEqualTo(9092);
    assertThat(settings.mongoPort()).isEqualTo(27017);
    assertThat(settings.smtpPort()).isEqualTo(2525);
    assertThat(settings.bookingPort()).isEqualTo(8081);
    assertThat(settings.notificationPort()).isEqualTo(8082);
    assertThat(settings.contentPort()).isEqualTo(8083);
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/repo/.local-stack"));
  }

  @Test
  void environmentOverridesPortsAndDataFolder() {
    StackSettings settings = StackSettings.from(Map.of("KAFKA_PORT", "19092", "LOCAL_STACK_DATA", "/tmp/stack-b"), root);

    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/stack-b"));
  }

  @Test
  void servicesTrimTheirCHeapOnlyOnJdksWhereThatIsAProductFlag() {
    assertThat(StackSettings.defaultServiceJavaOptions(Runtime.Version.parse("21.0.3+9")))
        .isEqualTo("-XX:+UseSerialGC -Xmx128m -XX:+ExitOnOutOfMemoryError");
    assertThat(StackSettings.defaultServiceJavaOptions(Runtime.Version.parse("21.0.4+7")))
        .endsWith(" -XX:TrimNativeHeapInterval=5000");
    assertThat(StackSettings.defaultServiceJavaOptions(Runtime.Version.parse("25.0.3+9-LTS")))
        .endsWith(" -XX:TrimNativeHeapInterval=5000");
  }

  @Test
  void theJdkRunningTheStackAcceptsTheDefaultServiceOptions() throws Exception {
    List<String> command = new ArrayList<>(List.of(ServiceProcess.javaExecutable()));
    command.addAll(List.of(StackSettings.DEFAULT_SERVICE_JAVA_OPTIONS.split(" ")));
    command.add("-version");
    Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor()).as(output).isZero();
  }

  @Test
  void aPortThatIsNotANumberInRangeIsRejectedByName() {
    assertThatThrownBy(() -> StackSettings.from(Map.of("BOOKING_PORT", "80a"), root))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("BOOKING_PORT=80a");
    assertThatThrownBy(() -> StackSettings.from(Map.of("SMTP_PORT", "70000"), root))
        .hasMessageContaining("SMTP_PORT=70000");
  }
}
