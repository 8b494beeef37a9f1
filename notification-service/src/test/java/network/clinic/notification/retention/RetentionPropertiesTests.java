package network.clinic.notification.retention;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPropertiesTests {

  @Test
  void anAgeShorterThanTheTopicsRetentionIsRefused() {
    assertThatThrownBy(() -> new RetentionProperties(Duration.ofDays(7), Duration.ofHours(1)))
        .hasMessageContaining("max-age");
    assertThatCode(() -> new RetentionProperties(Duration.ofDays(8), Duration.ofHours(1)))
        .doesNotThrowAnyException();
  }
}
