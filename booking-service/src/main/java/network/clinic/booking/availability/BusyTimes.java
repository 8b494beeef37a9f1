package network.clinic.booking.availability;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The claims of practitioners' active appointments near a window (implemented by the appointment
 * feature, whose documents hold them). Must cost in proportion to the appointments in the window,
 * not to all appointments stored.
 */
public interface BusyTimes {

  /** Every claim held by those practitioners' appointments that may overlap {@code [from, to)}. */
  Set<String> claimsBetween(Collection<String> practitionerIds, Instant from, Instant to);
}
