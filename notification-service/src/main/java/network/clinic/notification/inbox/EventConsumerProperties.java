package network.clinic.notification.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the appointments topic is consumed.
 *
 * @param groupId the Kafka consumer group; every instance of this service shares it
 * @param retry bounded backoff for unexpected failures, after which the record is dead-lettered.
 *     Poison is never retried; MongoDB being unreachable is retried without limit instead (see
 *     {@link OutageRetries}), so an outage of our own database dead-letters nothing
 * @param deadLetter the dead-letter topic this service declares
 */
@Validated
@ConfigurationProperties("clinic.notification.events")
record EventConsumerProperties(
    @DefaultValue("notification-service") @NotBlank String groupId,
    @DefaultValue @Valid Retry retry,
    @DefaultValue @Valid DeadLetter deadLetter) {

  /**
   * @param maxAttempts deliveries in all, the first included, before the record is dead-lettered
   * @param initialInterval wait before the first retry
   * @param multiplier growth of the wait per retry
   * @param maxInterval cap on the wait; keep attempts times this well below max.poll.interval.ms
   */
  record Retry(
      @DefaultValue("3") @Min(1) int maxAttempts,
      @DefaultValue("200ms") @NotNull Duration initialInterval,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("1s") @NotNull Duration maxInterval) {}

  /**
   * @param partitions at least as many as the appointments topic has: a dead letter keeps its
   *     source partition number
   */
  record DeadLetter(@DefaultValue("3") @Min(1) int partitions) {}
}
