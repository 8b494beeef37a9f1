package network.clinic.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Time a practitioner is taken, as cells of a fixed global 5-minute grid: {@code
 * practitionerId|2026-03-29T09:05:00Z}. An appointment claims every cell of {@code [start, end +
 * buffer)}; a unique index over all appointments' claims lets MongoDB refuse any overlap, on any
 * instance, atomically. The grid is independent of clinics' slot grids (multiples of 5 minutes,
 * as are durations, buffers and every zone offset in use), so equal times give equal strings.
 */
public final class Claims {

  public static final Duration CELL = Duration.ofMinutes(5);

  private static final String SEPARATOR = "|";
  private static final String TOMBSTONE_PREFIX = "cancelled" + SEPARATOR;

  private Claims() {}

  /** The cells of {@code [start, end)}, where start is rounded down and end up to the grid. */
  public static List<String> covering(String practitionerId, Instant start, Instant end) {
    List<String> claims = new ArrayList<>();
    Instant cell = floor(start);
    while (cell.isBefore(end)) {
      claims.add(practitionerId + SEPARATOR + cell);
      cell = cell.plus(CELL);
    }
    return claims;
  }

  /**
   * What a cancelled appointment keeps instead of its claims: unique to it, so it never collides,
   * and present, because on MongoDB documents without the field would collide on their null key.
   */
  public static String tombstone(String appointmentId) {
    return TOMBSTONE_PREFIX + appointmentId;
  }

  public static boolean isTombstone(String claim) {
    return claim.startsWith(TOMBSTONE_PREFIX);
  }

  public static boolean onGrid(Instant instant) {
    return instant.equals(floor(instant));
  }

  private static Instant floor(Instant instant) {
    long cellSeconds = CELL.toSeconds();
    long seconds = Math.floorDiv(instant.getEpochSecond(), cellSeconds) * cellSeconds;
    return Instant.ofEpochSecond(seconds).truncatedTo(ChronoUnit.SECONDS);
  }
}
