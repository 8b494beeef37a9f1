package network.clinic.booking.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.OpeningHours;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.WorkingHours;

/**
 * When a practitioner may start a treatment at a clinic, before looking at other appointments:
 * on the clinic's slot grid (local time, from midnight), inside both the clinic's opening hours
 * and the practitioner's working hours there (the treatment must end by closing; its buffer may
 * run past it), not during time off, and between the minimum notice and the booking horizon.
 *
 * <p>Local times become instants per day with the zone's rules, so DST days are right: a local
 * time that does not exist (spring gap) offers no slot, and one that exists twice (autumn
 * overlap) offers both.
 */
public final class SlotRules {

  /** Why a start is refused, in the order they are checked. */
  public enum Rejection {
    OFF_GRID,
    IN_PAST,
    INSIDE_MINIMUM_NOTICE,
    BEYOND_HORIZON,
    OUTSIDE_WORKING_HOURS,
    TIME_OFF
  }

  private SlotRules() {}

  /** The starts on {@code date} (clinic-local) that fit the hours; no notice, horizon or time off. */
  public static List<Instant> startsWithinHours(
      Clinic clinic, Practitioner practitioner, LocalDate date, Duration duration) {
    ZoneId zone = clinic.zone();
    DayOfWeek day = date.getDayOfWeek();
    List<Instant> starts = new ArrayList<>();
    for (OpeningHours open : clinic.openingHoursOn(day)) {
      for (WorkingHours work : practitioner.workingHoursAt(clinic.id(), day)) {
        LocalTime from = max(open.opensAt(), work.startsAt());
        LocalTime to = min(open.closesAt(), work.endsAt());
        if (from.isBefore(to)) {
          addStarts(starts, date, from, to, zone, clinic.slotMinutes(), duration);
        }
      }
    }
    return starts.stream().sorted().distinct().toList();
  }

  private static void addStarts(List<Instant> starts, LocalDate date, LocalTime from, LocalTime to,
      ZoneId zone, int slotMinutes, Duration duration) {
    Instant rangeStart = ZonedDateTime.of(date, from, zone).toInstant();
    Instant rangeEnd = ZonedDateTime.of(date, to, zone).withLaterOffsetAtOverlap().toInstant();
    int firstMinute = ceil(Math.ceilDiv(from.toSecondOfDay(), 60), slotMinutes);
    for (int minute = firstMinute; minute * 60 < to.toSecondOfDay(); minute += slotMinutes) {
      LocalDateTime local = LocalDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L));
      // None in a spring gap, two in an autumn overlap.
      for (ZoneOffset offset : zone.getRules().getValidOffsets(local)) {
        Instant start = local.toInstant(offset);
        if (!start.isBefore(rangeStart) && !start.plus(duration).isAfter(rangeEnd)) {
          starts.add(start);
        }
      }
    }
  }

  /** Whether the practitioner may start the treatment then; empty when they may. */
  public static Optional<Rejection> check(
      Clinic clinic, Practitioner practitioner, Duration duration, Instant start, Instant now) {
    Optional<Rejection> timing = checkTiming(clinic, start, now);
    if (timing.isPresent()) {
      return timing;
    }
    LocalDate date = start.atZone(clinic.zone()).toLocalDate();
    if (!startsWithinHours(clinic, practitioner, date, duration).contains(start)) {
      return Optional.of(Rejection.OUTSIDE_WORKING_HOURS);
    }
    if (practitioner.isOffDuring(start, start.plus(duration))) {
      return Optional.of(Rejection.TIME_OFF);
    }
    return Optional.empty();
  }

  /** The checks that don't depend on who: grid, past, notice, horizon. */
  public static Optional<Rejection> checkTiming(Clinic clinic, Instant start, Instant now) {
    ZonedDateTime local = start.atZone(clinic.zone());
    int minuteOfDay = local.getHour() * 60 + local.getMinute();
    if (local.getSecond() != 0 || local.getNano() != 0 || minuteOfDay % clinic.slotMinutes() != 0
        || !Claims.onGrid(start)) {
      return Optional.of(Rejection.OFF_GRID);
    }
    if (!start.isAfter(now)) {
      return Optional.of(Rejection.IN_PAST);
    }
    if (start.isBefore(now.plus(clinic.minimumNotice()))) {
      return Optional.of(Rejection.INSIDE_MINIMUM_NOTICE);
    }
    if (start.isAfter(now.plus(clinic.horizon()))) {
      return Optional.of(Rejection.BEYOND_HORIZON);
    }
    return Optional.empty();
  }

  private static int ceil(int value, int step) {
    return (value + step - 1) / step * step;
  }

  private static LocalTime max(LocalTime a, LocalTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalTime min(LocalTime a, LocalTime b) {
    return a.isBefore(b) ? a : b;
  }
}
