package network.clinic.notification.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long finished records are kept ({@code clinic.notification.retention.*}).
 *
 * @param maxAge age after which processed events and settled messages are deleted. Keep it well
 *     above the appointments topic's retention: an event redelivered after its "received" mark
 *     was deleted would be handled, and its messages sent, again
 * @param interval pause between two runs of the job
 */
@Validated
@ConfigurationProperties("clinic.notification.retention")
record RetentionProperties(
    @DefaultValue("30d") @NotNull Duration maxAge,
    @DefaultValue("1h") @NotNull Duration interval) {

  RetentionProperties {
    if (maxAge.compareTo(Duration.ofDays(8)) < 0) {
      // Kafka keeps a topic's records 7 days by default: anything shorter risks resending.
      throw new IllegalArgumentException(
          "clinic.notification.retention.max-age must be at least 8 days (topic retention + 1 day)");
    }
  }
}
