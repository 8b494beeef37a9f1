package network.clinic.booking.appointment;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import network.clinic.booking.BookingProperties;
import network.clinic.booking.appointment.Appointment.Cancellation;
import network.clinic.booking.appointment.Appointment.HistoryEntry;
import network.clinic.booking.appointment.Appointment.Status;
import network.clinic.booking.availability.Claims;
import network.clinic.booking.availability.SlotRules;
import network.clinic.booking.availability.SlotRules.Rejection;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.outbox.OutboxEntry;
import network.clinic.booking.practitioner.Practitioner;
import network.clinic.booking.practitioner.Practitioners;
import network.clinic.booking.treatment.Treatment;
import network.clinic.booking.treatment.Treatments;
import network.clinic.booking.web.ProblemException;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.EventType;
import network.clinic.support.tracing.TraceContinuity;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Booking and every later change of an appointment. Each is ONE single-document write that carries
 * the new state, the claims (invariant 1: the unique index refuses overlaps), a history entry and
 * the change's event in the outbox (invariant 2). Everything that can be refused is checked before
 * that write, so bad input writes nothing.
 */
@Component
class Bookings {

  // Ids, statuses and counts only: patient data and tokens never go to the log.
  private static final Logger log = LoggerFactory.getLogger(Bookings.class);

  private final AppointmentStore store;
  private final Clinics clinics;
  private final Practitioners practitioners;
  private final Treatments treatments;
  private final ManageTokens tokens;
  private final AppointmentEvents events;
  private final AppointmentMetrics metrics;
  private final BookingProperties properties;
  private final TraceContinuity traces;

  Bookings(AppointmentStore store, Clinics clinics, Practitioners practitioners, Treatments treatments,
      ManageTokens tokens, AppointmentEvents events, AppointmentMetrics metrics, BookingProperties properties,
      TraceContinuity traces) {
    this.store = store;
    this.clinics = clinics;
    this.practitioners = practitioners;
    this.treatments = treatments;
    this.tokens = tokens;
    this.events = events;
    this.metrics = metrics;
    this.properties = properties;
    this.traces = traces;
  }

  /** The appointment after a change, its clinic, and the new manage token that change issued. */
  record Changed(Appointment appointment, Clinic clinic, ManageTokens.Issued token) {}

  Changed book(AppointmentRequests.Book request) {
    Instant now = events.now();
    AppointmentRequests.PatientDetails details = request.patient();
    AppointmentRequests.Consent consent =
        details.consent() == null ? new AppointmentRequests.Consent(false, false) : details.consent();
    if (consent.sms() && details.phone() == null) {
      throw ProblemException.unprocessable("validation-failed", "Validation failed", "patient.phone",
          "is required for SMS reminders");
    }
    Clinic clinic = clinics.find(request.clinicId()).orElseThrow(() ->
        ProblemException.unprocessable("unknown-clinic", "Unknown clinic", "clinicId", "no such clinic"));
    Treatment treatment = treatments.find(request.treatmentId()).orElseThrow(() ->
        ProblemException.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId", "no such treatment"));
    Instant start = request.start().toInstant();
    SlotRules.checkTiming(clinic, start, now).ifPresent(rejection -> {
      throw rejected(rejection, clinic);
    });
    List<Practitioner> eligible = eligiblePractitioners(request.practitionerId(), clinic, treatment, start, now);
    String patientKey = ManageTokens.patientKey(details.email());
    if (store.hasUpcomingAtLeast(patientKey, now, properties.maxUpcomingPerPatient())) {
      throw ProblemException.conflict("patient-appointment-limit", "Too many upcoming appointments",
          "A patient may hold at most " + properties.maxUpcomingPerPatient()
              + " upcoming appointments; cancel one or call the clinic.");
    }
    Appointment.Patient patient = new Appointment.Patient(details.name().strip(), details.email().strip(),
        details.phone(), consent.email(), consent.sms());
    Instant end = start.plus(treatment.duration());
    // "Any": the first free one in a stable order; the unique index decides who is free.
    for (Practitioner practitioner : eligible) {
      String id = "apt-" + UUID.randomUUID();
      ManageTokens.Issued token = tokens.issue(id);
      HistoryEntry booked = new HistoryEntry(EventType.BOOKED.name(), now, Actor.PATIENT.label(), null, start, null);
      Appointment appointment = new Appointment(id, Status.BOOKED, clinic.id(), practitioner.id(), treatment.id(),
          start, end, treatment.bufferMinutes(), patient, request.note(), 1, null, now, List.of(booked));
      OutboxEntry entry =
          OutboxEntry.of(events.event(EventType.BOOKED, appointment, new AppointmentEvents.Parties(clinic, practitioner, treatment),
              token.link(), now, booked), traces.currentTraceparent());
      Document document = new Document(Appointment.ID, id)
          .append(Appointment.STATUS, Status.BOOKED.name())
          .append(Appointment.CLINIC_ID, clinic.id())
          .append(Appointment.PRACTITIONER_ID, practitioner.id())
          .append(Appointment.TREATMENT_ID, treatment.id())
          .append(Appointment.START, Date.from(start))
          .append(Appointment.END, Date.from(end))
          .append(Appointment.BUFFER_MINUTES, treatment.bufferMinutes())
          .append(Appointment.CLAIMS, claims(appointment))
          .append(Appointment.PATIENT, Appointment.patientDocument(patient))
          .append(Appointment.PATIENT_KEY, patientKey)
          .append(Appointment.NOTE, request.note())
          .append(Appointment.MANAGE_TOKEN_HASH, token.hash())
          .append(Appointment.SEQUENCE, 1L)
          .append(Appointment.CREATED_AT, Date.from(now))
          .append(Appointment.HISTORY, List.of(Appointment.historyDocument(booked)))
          // The outbox as Outbox.append would leave it: one entry, pending since it occurred.
          .append(Outbox.ENTRIES, List.of(entry.toDocument()))
          .append(Outbox.PENDING_SINCE, Date.from(entry.occurredAt()));
      if (store.insert(document)) {
        log.info("Appointment {} booked at clinic {} with practitioner {}", id, clinic.id(), practitioner.id());
        metrics.booked(appointment);
        return new Changed(appointment, clinic, token);
      }
    }
    metrics.conflict(clinic.id(), treatment.id());
    log.info("Booking at clinic {} refused: the time was taken ({} practitioner(s) tried)", clinic.id(), eligible.size());
    throw slotTaken();
  }

  private List<Practitioner> eligiblePractitioners(String practitionerId, Clinic clinic, Treatment treatment,
      Instant start, Instant now) {
    List<Practitioner> candidates;
    if (practitionerId == null || practitionerId.isBlank()
        || AppointmentRequests.ANY_PRACTITIONER.equals(practitionerId)) {
      candidates = practitioners.offering(clinic.id(), treatment.id());
      if (candidates.isEmpty()) {
        throw ProblemException.unprocessable("treatment-not-offered", "Treatment not offered", "treatmentId",
            "no practitioner offers this treatment at this clinic");
      }
    } else {
      Practitioner practitioner = practitioners.find(practitionerId).orElseThrow(() ->
          ProblemException.unprocessable("unknown-practitioner", "Unknown practitioner", "practitionerId",
              "no such practitioner"));
      if (!practitioner.worksAt(clinic.id())) {
        throw ProblemException.unprocessable("practitioner-not-at-clinic", "Practitioner not at this clinic",
            "practitionerId", "does not work at this clinic");
      }
      if (!practitioner.offers(treatment.id())) {
        throw ProblemException.unprocessable("treatment-not-offered", "Treatment not offered", "treatmentId",
            "this practitioner does not offer this treatment");
      }
      candidates = List.of(practitioner);
    }
    List<Practitioner> eligible = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (Practitioner candidate : candidates) {
      Optional<Rejection> rejection = SlotRules.check(clinic, candidate, treatment.duration(), start, now);
      rejection.ifPresentOrElse(rejections::add, () -> eligible.add(candidate));
    }
    if (eligible.isEmpty()) {
      // Time off is the more specific reason when someone would otherwise work then.
      throw rejected(rejections.contains(Rejection.TIME_OFF) ? Rejection.TIME_OFF : rejections.getFirst(), clinic);
    }
    return eligible;
  }

  Changed reschedule(Appointment current, Instant start, Actor actor, String reason) {
    Instant now = events.now();
    AppointmentEvents.Parties parties = events.partiesOf(current);
    requireChangeable(current, actor, now, parties.clinic());
    Clinic clinic = parties.clinic();
    Practitioner practitioner = parties.practitioner();
    Duration duration = Duration.between(current.start(), current.end());
    SlotRules.check(clinic, practitioner, duration, start, now).ifPresent(rejection -> {
      throw rejected(rejection, clinic);
    });
    HistoryEntry change = new HistoryEntry(EventType.RESCHEDULED.name(), now, actor.label(), current.start(), start, reason);
    Appointment after = new Appointment(current.id(), Status.BOOKED, current.clinicId(), current.practitionerId(),
        current.treatmentId(), start, start.plus(duration), current.bufferMinutes(), current.patient(), current.note(),
        current.sequence() + 1, null, current.createdAt(), append(current.history(), change));
    Changed changed = apply(current, after, parties, EventType.RESCHEDULED, change,
        set(Appointment.START, Date.from(after.start())),
        set(Appointment.END, Date.from(after.end())),
        set(Appointment.CLAIMS, claims(after)));
    metrics.rescheduled(after);
    return changed;
  }

  Changed cancel(Appointment current, Actor actor, String reason) {
    Instant now = events.now();
    AppointmentEvents.Parties parties = events.partiesOf(current);
    requireChangeable(current, actor, now, parties.clinic());
    HistoryEntry change = new HistoryEntry(EventType.CANCELLED.name(), now, actor.label(), null, null, reason);
    Cancellation cancellation = new Cancellation(actor.cancelledBy(), reason);
    Appointment after = withStatus(current, Status.CANCELLED, cancellation, change);
    Changed changed = apply(current, after, parties, EventType.CANCELLED, change,
        set(Appointment.STATUS, Status.CANCELLED.name()),
        // Frees the time: a tombstone unique to this appointment replaces the claims.
        set(Appointment.CLAIMS, List.of(Claims.tombstone(current.id()))),
        set(Appointment.CANCELLATION, new Document("by", cancellation.by().name()).append("reason", reason)));
    metrics.cancelled(after, actor.metricTag());
    return changed;
  }

  /** Completed and no-show keep their claims: the time was used. */
  Changed attend(Appointment current, Actor actor, Status outcome, String reason) {
    Instant now = events.now();
    requireActive(current);
    if (now.isBefore(current.start())) {
      throw ProblemException.conflict("appointment-not-started", "Appointment not started",
          "An appointment can be marked completed or no-show once it has started.");
    }
    EventType type = outcome == Status.COMPLETED ? EventType.COMPLETED : EventType.NO_SHOW;
    HistoryEntry change = new HistoryEntry(type.name(), now, actor.label(), null, null, reason);
    Appointment after = withStatus(current, outcome, null, change);
    Changed changed =
        apply(current, after, events.partiesOf(current), type, change, set(Appointment.STATUS, outcome.name()));
    if (outcome == Status.COMPLETED) {
      metrics.completed(after);
    } else {
      metrics.noShow(after);
    }
    return changed;
  }

  /**
   * The one write of a change: the given state changes plus a new token, the next sequence, the
   * history entry and the event, conditional on the sequence read, so concurrent changes never
   * mix and a taken claim leaves the document as it was.
   */
  private Changed apply(Appointment current, Appointment after, AppointmentEvents.Parties parties, EventType type,
      HistoryEntry change, Bson... state) {
    ManageTokens.Issued token = tokens.issue(current.id());
    AppointmentEvent event = events.event(type, after, parties, token.link(), change.at(), change);
    List<Bson> updates = new ArrayList<>(List.of(state));
    updates.add(set(Appointment.MANAGE_TOKEN_HASH, token.hash()));
    updates.add(set(Appointment.SEQUENCE, after.sequence()));
    updates.add(push(Appointment.HISTORY, Appointment.historyDocument(change)));
    updates.add(Outbox.append(OutboxEntry.of(event, traces.currentTraceparent())));
    switch (store.update(current.id(), current.sequence(), combine(updates))) {
      case UPDATED -> {
        log.info("Appointment {} {} by {} (sequence {})", current.id(), type.name().toLowerCase(),
            actor(change), after.sequence());
        return new Changed(after, parties.clinic(), token);
      }
      case CLAIM_TAKEN -> {
        log.info("Appointment {} not moved: the time was taken", current.id());
        metrics.conflict(current.clinicId(), current.treatmentId());
        throw slotTaken();
      }
      default -> throw ProblemException.conflict("concurrent-change", "Changed concurrently",
          "The appointment changed while this request was handled; reload it and try again.");
    }
  }

  /** "patient" or "staff:<subject>": a token subject, not a person's name. */
  private static String actor(HistoryEntry change) {
    return change.by();
  }

  private void requireChangeable(Appointment current, Actor actor, Instant now, Clinic clinic) {
    requireActive(current);
    if (!actor.staff()) {
      if (!now.isBefore(current.start().minus(clinic.cancellationCutoff()))) {
        throw ProblemException.conflict("change-deadline-passed", "Too late to change online",
            "Appointments can be cancelled or moved online until " + clinic.cancellationCutoffHours()
                + " hours before they start. Please call the clinic on " + clinic.phone() + ".");
      }
    }
  }

  private static void requireActive(Appointment current) {
    if (!current.isActive()) {
      throw ProblemException.conflict("appointment-not-active", "Appointment not active",
          "This appointment is " + current.status().name().toLowerCase().replace('_', '-')
              + " and can no longer be changed.");
    }
  }

  private static Appointment withStatus(Appointment current, Status status, Cancellation cancellation,
      HistoryEntry change) {
    return new Appointment(current.id(), status, current.clinicId(), current.practitionerId(), current.treatmentId(),
        current.start(), current.end(), current.bufferMinutes(), current.patient(), current.note(),
        current.sequence() + 1, cancellation, current.createdAt(), append(current.history(), change));
  }

  private static List<HistoryEntry> append(List<HistoryEntry> history, HistoryEntry entry) {
    List<HistoryEntry> all = new ArrayList<>(history);
    all.add(entry);
    return List.copyOf(all);
  }

  /** Treatment plus buffer, on the global 5-minute grid. */
  static List<String> claims(Appointment appointment) {
    return Claims.covering(appointment.practitionerId(), appointment.start(),
        appointment.end().plus(Duration.ofMinutes(appointment.bufferMinutes())));
  }

  static ProblemException slotTaken() {
    return ProblemException.conflict("slot-unavailable", "Time no longer available",
        "This time was just taken; choose another slot.");
  }

  private static ProblemException rejected(Rejection rejection, Clinic clinic) {
    return switch (rejection) {
      case OFF_GRID -> ProblemException.unprocessable("start-off-grid", "Start not on the slot grid", "start",
          "must be on the clinic's " + clinic.slotMinutes() + "-minute grid in its local time");
      case IN_PAST -> ProblemException.unprocessable("start-in-past", "Start in the past", "start",
          "must be in the future");
      case INSIDE_MINIMUM_NOTICE -> ProblemException.unprocessable("inside-minimum-notice",
          "Too short notice", "start", "must be at least " + clinic.minimumNoticeMinutes() + " minutes from now");
      case BEYOND_HORIZON -> ProblemException.unprocessable("beyond-booking-horizon", "Too far ahead", "start",
          "must be at most " + clinic.horizonDays() + " days ahead");
      case OUTSIDE_WORKING_HOURS -> ProblemException.unprocessable("outside-working-hours",
          "Outside working hours", "start", "the practitioner does not work at this clinic then");
      case TIME_OFF -> ProblemException.unprocessable("practitioner-time-off", "Practitioner away", "start",
          "the practitioner is away then");
    };
  }
}
