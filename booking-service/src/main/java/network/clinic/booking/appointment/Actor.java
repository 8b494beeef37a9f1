package network.clinic.booking.appointment;

import network.clinic.events.AppointmentEvent.CancelledBy;

/**
 * Who makes a change, as recorded in the history: {@code patient} (holder of the manage token) or
 * {@code staff:<token subject>}.
 */
record Actor(String label, boolean staff) {

  static final Actor PATIENT = new Actor("patient", false);

  static Actor staff(String subject) {
    return new Actor("staff:" + subject, true);
  }

  CancelledBy cancelledBy() {
    return staff ? CancelledBy.STAFF : CancelledBy.PATIENT;
  }

  String metricTag() {
    return staff ? "staff" : "patient";
  }
}
