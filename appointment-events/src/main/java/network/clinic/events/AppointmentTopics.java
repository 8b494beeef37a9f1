package network.clinic.events;

/** Kafka topic names of the contract. Records are keyed by appointment id. */
public final class AppointmentTopics {

  public static final String APPOINTMENTS = "clinic.appointments.v1";
  public static final String APPOINTMENTS_DEAD_LETTER = APPOINTMENTS + ".DLT";

  private AppointmentTopics() {}
}
