package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
  void aPortThatIsNotANumberInRangeIsRejectedByName() {
    assertThatThrownBy(() -> StackSettings.from(Map.of("BOOKING_PORT", "80a"), root))
        .isInstanceOf(StackStartException.class)
        .hasMessageContaining("BOOKING_PORT=80a");
    assertThatThrownBy(() -> StackSettings.from(Map.of("SMTP_PORT", "70000"), root))
        .hasMessageContaining("SMTP_PORT=70000");
  }
}
