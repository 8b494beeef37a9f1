package network.clinic.booking.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.treatment.Treatment;
import org.springframework.stereotype.Component;

/**
 * Free slots: {@link SlotRules} per practitioner and day, minus every start whose claims (treatment
 * plus buffer) meet a claim of an existing appointment, computed exactly as the booking's own
 * claims are, so what is shown free is what a booking can take. Only the candidates' own cells are
 * looked up, a batch at a time, so the work follows the window asked about, not the appointments
 * stored.
 */
@Component
public class AvailabilityFinder {

  private final TakenClaims takenClaims;

  AvailabilityFinder(TakenClaims takenClaims) {
    this.takenClaims = takenClaims;
  }

  /** A free start, clinic-local with its offset. */
  public record Slot(OffsetDateTime start, OffsetDateTime end, String practitionerId) {}

  /** A start that passes the rules, with the cells a booking of it would claim. */
  private record Candidate(String practitionerId, Instant start, Instant end, List<String> claims) {}

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
    List<Slot> slots = new ArrayList<>();
    Batch batch = new Batch(zone, slots);
    for (Practitioner practitioner : practitioners) {
      for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
        for (Instant start : SlotRules.startsWithinHours(clinic, practitioner, date, treatment.duration())) {
          Instant end = start.plus(treatment.duration());
          if (SlotRules.checkTiming(clinic, start, now).isPresent() || practitioner.isOffDuring(start, end)) {
            continue;
          }
          batch.add(new Candidate(practitioner.id(), start, end,
              Claims.covering(practitioner.id(), start, start.plus(treatment.occupied()))));
        }
      }
    }
    batch.flush();
    slots.sort(Comparator.comparing((Slot slot) -> slot.start().toInstant()).thenComparing(Slot::practitionerId));
    return slots;
  }

  /**
   * Candidates waiting for one question about their cells; flushed before that question would
   * exceed {@link TakenClaims#BATCH} cells, which also bounds the memory a long window takes.
   */
  private final class Batch {

    private final ZoneId zone;
    private final List<Slot> free;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Set<String> cells = new HashSet<>();

    Batch(ZoneId zone, List<Slot> free) {
      this.zone = zone;
      this.free = free;
    }

    void add(Candidate candidate) {
      if (cells.size() + candidate.claims().size() > TakenClaims.BATCH) {
        flush();
      }
      candidates.add(candidate);
      cells.addAll(candidate.claims());
    }

    void flush() {
      if (candidates.isEmpty()) {
        return;
      }
      Set<String> taken = takenClaims.takenAmong(cells);
      for (Candidate candidate : candidates) {
        if (Collections.disjoint(candidate.claims(), taken)) {
          free.add(new Slot(candidate.start().atZone(zone).toOffsetDateTime(),
              candidate.end().atZone(zone).toOffsetDateTime(), candidate.practitionerId()));
        }
      }
      candidates.clear();
      cells.clear();
    }
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
