package network.clinic.booking.practitioner;

import java.time.Instant;

/**
 * An absence {@code [start, end)}.
 *
 * @param reason for staff only (e.g. "Conference"); never shown publicly
 */
public record TimeOff(String timeOffId, Instant start, Instant end, String reason) {}
