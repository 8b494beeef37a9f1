package network.clinic.booking.treatment;

import java.time.Duration;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment offered across the network, as stored in {@code treatments}. Which practitioners
 * offer it is kept on each practitioner.
 *
 * @param durationMinutes time with the patient; a multiple of 5
 * @param bufferMinutes room turnover after it, in which the practitioner takes no one else; a
 *     multiple of 5
 * @param pricesInMinorUnits price per ISO 4217 currency in minor units (pence, cents)
 */
@Document(Treatment.COLLECTION)
public record Treatment(
    @Id String id,
    String name,
    String description,
    int durationMinutes,
    int bufferMinutes,
    Map<String, Integer> pricesInMinorUnits) {

  public static final String COLLECTION = "treatments";

  public Duration duration() {
    return Duration.ofMinutes(durationMinutes);
  }

  /** Treatment plus buffer: the time the practitioner is taken. */
  public Duration occupied() {
    return Duration.ofMinutes(durationMinutes + bufferMinutes);
  }
}
