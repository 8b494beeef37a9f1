package network.clinic.notification.sms;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How SMS are sent ({@code clinic.notification.sms.*}).
 *
 * @param provider {@code logging} (local use: a masked log line) or {@code webhook}
 * @param webhookUrl where the webhook provider posts each SMS; required for it
 * @param connectTimeout connecting to the gateway
 * @param readTimeout waiting for its answer; with the connect timeout, well below the dispatch
 *     lease. An answer that comes later counts as a failure: the SMS is sent again, with the same
 *     idempotency key
 */
@Validated
@ConfigurationProperties("clinic.notification.sms")
record SmsProperties(
    @DefaultValue("logging") @NotNull Provider provider,
    String webhookUrl,
    @DefaultValue("5s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration readTimeout) {

  enum Provider {
    LOGGING,
    WEBHOOK
  }

  SmsProperties {
    if (provider == Provider.WEBHOOK && (webhookUrl == null || webhookUrl.isBlank())) {
      throw new IllegalArgumentException(
          "clinic.notification.sms.webhook-url is required with provider webhook");
    }
  }
}
