package network.clinic.booking.appointment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Business counters for dashboards. Tagged by clinic and treatment only, both ids from the
 * catalogue (checked before anything is counted), so cardinality stays bounded; never by
 * practitioner, patient or appointment.
 */
@Component
class AppointmentMetrics {

  private final MeterRegistry registry;

  AppointmentMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void booked(Appointment appointment) {
    counter("booking.appointments.booked", "Appointments booked", appointment).increment();
  }

  void rescheduled(Appointment appointment) {
    counter("booking.appointments.rescheduled", "Appointments moved to another time", appointment).increment();
  }

  void cancelled(Appointment appointment, String by) {
    Counter.builder("booking.appointments.cancelled")
        .description("Appointments cancelled, by patient or staff")
        .tag("clinic", appointment.clinicId())
        .tag("treatment", appointment.treatmentId())
        .tag("by", by)
        .register(registry)
        .increment();
  }

  void completed(Appointment appointment) {
    counter("booking.appointments.completed", "Appointments marked completed", appointment).increment();
  }

  void noShow(Appointment appointment) {
    counter("booking.appointments.no.show", "Appointments marked as no-show", appointment).increment();
  }

  /** A booking or move refused because the time was taken meanwhile (invariant 1 at work). */
  void conflict(String clinicId, String treatmentId) {
    Counter.builder("booking.appointments.conflicts")
        .description("Bookings and reschedules refused because the practitioner's time was taken")
        .tag("clinic", clinicId)
        .tag("treatment", treatmentId)
        .register(registry)
        .increment();
  }

  private Counter counter(String name, String description, Appointment appointment) {
    return Counter.builder(name)
        .description(description)
        .tag("clinic", appointment.clinicId())
        .tag("treatment", appointment.treatmentId())
        .register(registry);
  }
}
