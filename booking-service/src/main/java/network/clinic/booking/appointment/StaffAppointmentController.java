package network.clinic.booking.appointment;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.clinic.Clinics;
import network.clinic.booking.web.ProblemException;
import network.clinic.support.security.StaffAccess;
import network.clinic.support.security.StaffMember;
import network.clinic.support.security.StaffOnly;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's side: the day list and changes at any time (with a reason). Every path names the
 * clinic; staff of another clinic get 403, and an appointment of another clinic is a 404 here.
 */
@RestController
@RequestMapping("/api/v1/clinics/{clinicId}/appointments")
@StaffOnly
@SecurityRequirement(name = "staff")
class StaffAppointmentController {

  private final Bookings bookings;
  private final AppointmentStore store;
  private final Clinics clinics;
  private final StaffAccess staff;

  StaffAppointmentController(Bookings bookings, AppointmentStore store, Clinics clinics, StaffAccess staff) {
    this.bookings = bookings;
    this.store = store;
    this.clinics = clinics;
    this.staff = staff;
  }

  /** Appointments starting on the clinic-local {@code date}, all statuses, by start. */
  @GetMapping
  List<AppointmentViews.StaffAppointment> day(@PathVariable String clinicId, @RequestParam LocalDate date) {
    staff.requireClinic(clinicId);
    Clinic clinic = clinics.require(clinicId);
    ZoneId zone = clinic.zone();
    return store.forClinic(clinicId, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant())
        .stream()
        .map(appointment -> AppointmentViews.forStaff(appointment, clinic))
        .toList();
  }

  @GetMapping("/{appointmentId}")
  AppointmentViews.StaffAppointment get(@PathVariable String clinicId, @PathVariable String appointmentId) {
    Access access = access(clinicId, appointmentId);
    return AppointmentViews.forStaff(access.appointment(), access.clinic());
  }

  @PostMapping("/{appointmentId}/cancel")
  AppointmentViews.StaffAppointment cancel(@PathVariable String clinicId, @PathVariable String appointmentId,
      @Valid @RequestBody AppointmentRequests.StaffCancel request) {
    Access access = access(clinicId, appointmentId);
    return view(bookings.cancel(access.appointment(), access.actor(), request.reason()), access);
  }

  @PostMapping("/{appointmentId}/reschedule")
  AppointmentViews.StaffAppointment reschedule(@PathVariable String clinicId, @PathVariable String appointmentId,
      @Valid @RequestBody AppointmentRequests.StaffReschedule request) {
    Access access = access(clinicId, appointmentId);
    return view(bookings.reschedule(access.appointment(), request.start().toInstant(), access.actor(),
        request.reason()), access);
  }

  @PostMapping("/{appointmentId}/complete")
  AppointmentViews.StaffAppointment complete(@PathVariable String clinicId, @PathVariable String appointmentId,
      @Valid @RequestBody(required = false) AppointmentRequests.StaffNote request) {
    Access access = access(clinicId, appointmentId);
    return view(bookings.attend(access.appointment(), access.actor(), Appointment.Status.COMPLETED,
        request == null ? null : request.reason()), access);
  }

  @PostMapping("/{appointmentId}/no-show")
  AppointmentViews.StaffAppointment noShow(@PathVariable String clinicId, @PathVariable String appointmentId,
      @Valid @RequestBody(required = false) AppointmentRequests.StaffNote request) {
    Access access = access(clinicId, appointmentId);
    return view(bookings.attend(access.appointment(), access.actor(), Appointment.Status.NO_SHOW,
        request == null ? null : request.reason()), access);
  }

  private record Access(StaffMember member, Clinic clinic, Appointment appointment) {

    Actor actor() {
      return Actor.staff(member.subject());
    }
  }

  /** Clinic first (403 for another clinic's staff), then the appointment, which must be this clinic's. */
  private Access access(String clinicId, String appointmentId) {
    StaffMember member = staff.requireClinic(clinicId);
    Clinic clinic = clinics.require(clinicId);
    Appointment appointment = store.find(appointmentId)
        .filter(found -> found.clinicId().equals(clinicId))
        .orElseThrow(() -> ProblemException.notFound("appointment at this clinic"));
    return new Access(member, clinic, appointment);
  }

  private static AppointmentViews.StaffAppointment view(Bookings.Changed changed, Access access) {
    return AppointmentViews.forStaff(changed.appointment(), access.clinic());
  }
}
