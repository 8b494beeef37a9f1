package network.clinic.booking.appointment;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import network.clinic.events.AppointmentEvent.CancelledBy;
import org.bson.Document;

/**
 * An appointment as stored in {@code appointments} (one document, {@code _id} = id), read back.
 * Writes are targeted updates built in {@link AppointmentStore}; the document also holds the
 * outbox, which only the outbox code touches.
 *
 * @param end end of the treatment; the practitioner stays claimed for {@code bufferMinutes} more
 * @param sequence 1 when booked, +1 with every change; a change applies only to the sequence read
 */
record Appointment(
    String id,
    Status status,
    String clinicId,
    String practitionerId,
    String treatmentId,
    Instant start,
    Instant end,
    int bufferMinutes,
    Patient patient,
    String note,
    long sequence,
    Cancellation cancellation,
    Instant createdAt,
    List<HistoryEntry> history) {

  enum Status {
    BOOKED,
    CANCELLED,
    COMPLETED,
    NO_SHOW
  }

  /** Contact details and consent. Personal data: never log. */
  record Patient(String name, String email, String phone, boolean emailConsent, boolean smsConsent) {

    @Override
    public String toString() {
      return "Patient[redacted]";
    }
  }

  record Cancellation(CancelledBy by, String reason) {}

  /**
   * One change: who ({@code patient} or {@code staff:<subject>}), when, what, and for moves the
   * time before and after. No contact data: only what the appointment itself holds.
   */
  record HistoryEntry(String action, Instant at, String by, Instant previousStart, Instant start, String reason) {}

  // Field names of the stored document.
  static final String ID = "_id";
  static final String STATUS = "status";
  static final String CLINIC_ID = "clinicId";
  static final String PRACTITIONER_ID = "practitionerId";
  static final String TREATMENT_ID = "treatmentId";
  static final String START = "start";
  static final String END = "end";
  static final String BUFFER_MINUTES = "bufferMinutes";
  static final String CLAIMS = "claims";
  static final String PATIENT = "patient";
  /** SHA-256 of the normalised email: finds a patient's appointments without indexing the address. */
  static final String PATIENT_KEY = "patientKey";
  static final String NOTE = "note";
  static final String MANAGE_TOKEN_HASH = "manageTokenHash";
  static final String SEQUENCE = "sequence";
  static final String CANCELLATION = "cancellation";
  static final String CREATED_AT = "createdAt";
  static final String HISTORY = "history";

  /** Without the patient, the note and the history: nothing personal reaches a log by accident. */
  @Override
  public String toString() {
    return "Appointment[id=" + id + ", status=" + status + ", sequence=" + sequence + "]";
  }

  boolean isActive() {
    return status == Status.BOOKED;
  }

  static Appointment from(Document document) {
    Document patient = document.get(PATIENT, Document.class);
    Document consent = patient.get("consent", Document.class);
    Document cancellation = document.get(CANCELLATION, Document.class);
    return new Appointment(
        document.getString(ID),
        Status.valueOf(document.getString(STATUS)),
        document.getString(CLINIC_ID),
        document.getString(PRACTITIONER_ID),
        document.getString(TREATMENT_ID),
        instant(document, START),
        instant(document, END),
        document.getInteger(BUFFER_MINUTES, 0),
        new Patient(patient.getString("name"), patient.getString("email"), patient.getString("phone"),
            consent.getBoolean("email", false), consent.getBoolean("sms", false)),
        document.getString(NOTE),
        ((Number) document.get(SEQUENCE)).longValue(),
        cancellation == null ? null
            : new Cancellation(CancelledBy.valueOf(cancellation.getString("by")), cancellation.getString("reason")),
        instant(document, CREATED_AT),
        document.getList(HISTORY, Document.class, List.of()).stream().map(Appointment::historyEntry).toList());
  }

  static Document patientDocument(Patient patient) {
    return new Document("name", patient.name())
        .append("email", patient.email())
        .append("phone", patient.phone())
        .append("consent", new Document("email", patient.emailConsent()).append("sms", patient.smsConsent()));
  }

  static Document historyDocument(HistoryEntry entry) {
    Document document = new Document("action", entry.action()).append("at", Date.from(entry.at())).append("by", entry.by());
    if (entry.previousStart() != null) {
      document.append("previousStart", Date.from(entry.previousStart()));
    }
    if (entry.start() != null) {
      document.append("start", Date.from(entry.start()));
    }
    if (entry.reason() != null) {
      document.append("reason", entry.reason());
    }
    return document;
  }

  private static HistoryEntry historyEntry(Document document) {
    return new HistoryEntry(document.getString("action"), instant(document, "at"), document.getString("by"),
        instant(document, "previousStart"), instant(document, "start"), document.getString("reason"));
  }

  private static Instant instant(Document document, String field) {
    Date date = document.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
