package network.clinic.notification.sms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmsPropertiesTests {

  @Test
  void theWebhookProviderNeedsAUrl() {
    assertThatThrownBy(() -> new SmsProperties(
        SmsProperties.Provider.WEBHOOK, " ", Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("webhook-url");
  }
}
