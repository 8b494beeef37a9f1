package network.clinic.booking.appointment;

import jakarta.validation.Valid;
import java.net.URI;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient's side: book, then view, move or cancel with the manage token from the booking
 * (header {@code X-Manage-Token}). A missing or wrong token answers exactly like an unknown id.
 */
@RestController
@RequestMapping("/api/v1/appointments")
class AppointmentController {

  static final String MANAGE_TOKEN = "X-Manage-Token";

  private final Bookings bookings;
  private final AppointmentStore store;
  private final Clinics clinics;

  AppointmentController(Bookings bookings, AppointmentStore store, Clinics clinics) {
    this.bookings = bookings;
    this.store = store;
    this.clinics = clinics;
  }

  /** 201 with the appointment and, this once, the manage token and link. */
  @PostMapping
  ResponseEntity<AppointmentViews.PatientAppointment> book(@Valid @RequestBody AppointmentRequests.Book request) {
    Bookings.Changed booked = bookings.book(request);
    return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.appointment().id()))
        .body(view(booked));
  }

  @GetMapping("/{appointmentId}")
  AppointmentViews.PatientAppointment get(@PathVariable String appointmentId, @RequestHeader(name = MANAGE_TOKEN, required = false) String token) {
    Appointment appointment = withToken(appointmentId, token);
    return AppointmentViews.forPatient(appointment, clinics.require(appointment.clinicId()), null);
  }

  /** Until the clinic's cutoff; the response carries the new token (the old one stops working). */
  @PostMapping("/{appointmentId}/cancel")
  AppointmentViews.PatientAppointment cancel(@PathVariable String appointmentId, @RequestHeader(name = MANAGE_TOKEN, required = false) String token,
      @Valid @RequestBody(required = false) AppointmentRequests.Cancel request) {
    String reason = request == null ? null : request.reason();
    return view(bookings.cancel(withToken(appointmentId, token), Actor.PATIENT, reason));
  }

  /** Until the clinic's cutoff; the response carries the new token (the old one stops working). */
  @PostMapping("/{appointmentId}/reschedule")
  AppointmentViews.PatientAppointment reschedule(@PathVariable String appointmentId, @RequestHeader(name = MANAGE_TOKEN, required = false) String token,
      @Valid @RequestBody AppointmentRequests.Reschedule request) {
    return view(bookings.reschedule(withToken(appointmentId, token), request.start().toInstant(), Actor.PATIENT,
        null));
  }

  private Appointment withToken(String appointmentId, String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw ProblemException.notFound("appointment");
    }
    return store.findWithToken(appointmentId, ManageTokens.hash(token))
        .orElseThrow(() -> ProblemException.notFound("appointment"));
  }

  private AppointmentViews.PatientAppointment view(Bookings.Changed changed) {
    Appointment appointment = changed.appointment();
    return AppointmentViews.forPatient(appointment, changed.clinic(), changed.token());
  }
}
