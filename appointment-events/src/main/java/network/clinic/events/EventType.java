package network.clinic.events;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of appointment change, each with its CloudEvents {@code ce_type} and JSON Schema. */
public enum EventType {
  BOOKED("clinic.appointment.booked.v1"),
  RESCHEDULED("clinic.appointment.rescheduled.v1"),
  CANCELLED("clinic.appointment.cancelled.v1"),
  COMPLETED("clinic.appointment.completed.v1"),
  NO_SHOW("clinic.appointment.no-show.v1");

  private final String cloudEventType;

  EventType(String cloudEventType) {
    this.cloudEventType = cloudEventType;
  }

  public String cloudEventType() {
    return cloudEventType;
  }

  /** Classpath location of this type's JSON Schema. */
  public String schemaResource() {
    return "/schemas/" + cloudEventType + ".schema.json";
  }

  public static Optional<EventType> fromCloudEventType(String value) {
    return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(value)).findFirst();
  }
}
