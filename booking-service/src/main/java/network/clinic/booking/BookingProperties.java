package network.clinic.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of booking ({@code clinic.booking.*}).
 *
 * @param manageLinkBaseUrl where the clinic website shows a patient their appointment; the link
 *     sent to the patient is {@code <base>/<appointmentId>?token=<token>} ({@code
 *     MANAGE_LINK_BASE_URL})
 * @param seedDemoData seed the demo network into an empty database at startup
 * @param maxUpcomingPerPatient how many upcoming active appointments one patient email may hold
 * @param maxRequestSize largest accepted API request body (413 above)
 * @param rateLimit bookings per client IP, per instance
 */
@ConfigurationProperties("clinic.booking")
public record BookingProperties(
    @DefaultValue("http://localhost:8081/manage") String manageLinkBaseUrl,
    @DefaultValue("true") boolean seedDemoData,
    @DefaultValue("5") int maxUpcomingPerPatient,
    @DefaultValue("16KB") DataSize maxRequestSize,
    @DefaultValue RateLimit rateLimit) {

  public BookingProperties {
    if (manageLinkBaseUrl.endsWith("/")) {
      manageLinkBaseUrl = manageLinkBaseUrl.substring(0, manageLinkBaseUrl.length() - 1);
    }
  }

  /**
   * A token bucket per client IP: {@code capacity} booking attempts at once, refilled evenly over
   * {@code period}.
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("10") int capacity,
      @DefaultValue("10m") Duration period) {}
}
