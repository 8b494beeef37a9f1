package network.clinic.booking.availability;

import java.util.Collection;
import java.util.Set;

/**
 * Which claim cells existing appointments hold (implemented by the appointment feature, whose
 * documents hold them). Asking about exact cells lets the store answer from the unique index on
 * claims, so the cost follows the number of cells asked about, never the appointments stored.
 */
public interface TakenClaims {

  /**
   * The most cells worth asking about at once: callers batch, so no single question (and no query
   * behind it) grows with the window or the number of practitioners.
   */
  int BATCH = 1000;

  /** Those of {@code claims} some appointment holds. Cancelled ones hold none: they free their time. */
  Set<String> takenAmong(Collection<String> claims);
}
