package network.clinic.booking.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.springframework.stereotype.Component;

/**
 * Free slots: {@link SlotRules} per practitioner and day, minus every start whose claims (treatment
 * plus buffer) meet a claim of an existing appointment, computed exactly as the booking's own
 * claims are, so what is shown free is what a booking can take.
 */
@Component
public class AvailabilityFinder {

  private final BusyTimes busyTimes;

  AvailabilityFinder(BusyTimes busyTimes) {
    this.busyTimes = busyTimes;
  }

  /** A free start, clinic-local with its offset. */
  public record Slot(OffsetDateTime start, OffsetDateTime end, String practitionerId) {}

  /** Free slots on the clinic-local days {@code from..to} (inclusive), by start then practitioner. */
  public List<Slot> find(Clinic clinic, Treatment treatment, List<Practitioner> practitioners,
      LocalDate from, LocalDate to, Instant now) {
    if (practitioners.isEmpty()) {
      return List.of();
    }
    ZoneId zone = clinic.zone();
    // Only days that can hold a bookable start: no work for days past or beyond the horizon.
    LocalDate first = max(from, now.atZone(zone).toLocalDate());
    LocalDate last = min(to, now.plus(clinic.horizon()).atZone(zone).toLocalDate());
    if (first.isAfter(last)) {
      return List.of();
    }
    Instant windowStart = first.atStartOfDay(zone).toInstant();
    Instant windowEnd = last.plusDays(1).atStartOfDay(zone).toInstant().plus(treatment.occupied());
    Set<String> busy = busyTimes.claimsBetween(
        practitioners.stream().map(Practitioner::id).toList(), windowStart, windowEnd);

    List<Slot> slots = new ArrayList<>();
    for (Practitioner practitioner : practitioners) {
      for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
        for (Instant start : SlotRules.startsWithinHours(clinic, practitioner, date, treatment.duration())) {
          Instant end = start.plus(treatment.duration());
          if (SlotRules.checkTiming(clinic, start, now).isPresent() || practitioner.isOffDuring(start, end)) {
            continue;
          }
          List<String> claims = Claims.covering(practitioner.id(), start, start.plus(treatment.occupied()));
          if (Collections.disjoint(claims, busy)) {
            slots.add(new Slot(start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime(),
                practitioner.id()));
          }
        }
      }
    }
    slots.sort(Comparator.comparing((Slot slot) -> slot.start().toInstant()).thenComparing(Slot::practitionerId));
    return slots;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
