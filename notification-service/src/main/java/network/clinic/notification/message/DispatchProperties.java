package network.clinic.notification.message;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recorded messages are sent ({@code clinic.notification.dispatch.*}).
 *
 * @param enabled whether this instance sends; every instance may, since messages are claimed in
 *     the database
 * @param pollInterval pause between the end of one timed pass and the start of the next. Messages
 *     recorded by this instance are handed to the senders at once; the timed pass finds the rest:
 *     reminders, retries, and messages another instance recorded or left behind
 * @param lease how long a claimed message belongs to one instance: another instance may take the
 *     message over after it, e.g. when this one died mid-send. Keep it far above what a send
 *     normally takes; the SMTP timeouts bound each step of a send, not the whole of it
 * @param senders how many messages this instance sends at the same time. Each sender is a lane of
 *     its own; all messages of one appointment go through the same lane, one after the other, so
 *     they reach the patient in the order of the changes
 * @param maxMessagesPerPass how many due messages one timed pass looks up and hands to the senders
 * @param retry backoff between attempts of one message
 * @param markSentAttempts tries, in a row, to record an accepted message as sent before leaving
 *     it to the next passes
 * @param metricsRefresh how often the backlog gauges are re-read from the database
 */
@Validated
@ConfigurationProperties("clinic.notification.dispatch")
record DispatchProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("500ms") @NotNull Duration pollInterval,
    @DefaultValue("2m") @NotNull Duration lease,
    @DefaultValue("8") @Min(1) @Max(64) int senders,
    @DefaultValue("50") @Min(1) int maxMessagesPerPass,
    @DefaultValue @Valid Retry retry,
    @DefaultValue("3") @Min(1) int markSentAttempts,
    @DefaultValue("10s") @NotNull Duration metricsRefresh) {

  /**
   * @param maxAttempts attempts in all, the first included, before a message is {@code FAILED}
   * @param initialInterval wait after the first failed attempt
   * @param multiplier growth of the wait per failed attempt
   * @param maxInterval cap on the wait
   */
  record Retry(
      @DefaultValue("10") @Min(1) int maxAttempts,
      @DefaultValue("30s") @NotNull Duration initialInterval,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("15m") @NotNull Duration maxInterval) {

    /** The wait after the given number of failed attempts (1 for the first). */
    Duration backoff(int failedAttempts) {
      double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
      double millis = Math.min(initialInterval.toMillis() * factor, maxInterval.toMillis());
      return Duration.ofMillis((long) millis);
    }
  }
}
