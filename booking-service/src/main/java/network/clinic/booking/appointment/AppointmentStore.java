package network.clinic.booking.appointment;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.clinic.booking.availability.TakenClaims;
import network.clinic.booking.outbox.Outbox;
import network.clinic.booking.outbox.OutboxWakeUp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code appointments} collection: inserts and targeted single-document updates only, never a
 * replacement, because the outbox relay changes the same documents concurrently. Every write
 * carries an outbox entry (invariant 2), so each committed one wakes this instance's relay.
 */
@Component
class AppointmentStore implements TakenClaims, InitializingBean {

  static final String CLAIMS_INDEX = "claims_unique";

  private final MongoTemplate mongo;
  private final OutboxWakeUp relayWakeUp;

  AppointmentStore(MongoTemplate mongo, OutboxWakeUp relayWakeUp) {
    this.mongo = mongo;
    this.relayWakeUp = relayWakeUp;
  }

  /** Before the web server starts: no booking may ever be written without the unique index. */
  @Override
  public void afterPropertiesSet() {
    createIndexes();
  }

  /**
   * Idempotent; concurrent instances create the same definitions. The claims index also answers
   * availability, which asks about exact cells (see {@link #takenAmong}). It is sparse: documents
   * without claims (none written by booking, but e.g. hand-made outbox fixtures) are not indexed,
   * so they never collide on a null key; booking itself always writes claims or a tombstone, which
   * real MongoDB would otherwise need.
   */
  void createIndexes() {
    MongoCollection<Document> appointments = collection();
    appointments.createIndex(ascending(Appointment.CLAIMS),
        new IndexOptions().name(CLAIMS_INDEX).unique(true).sparse(true));
    appointments.createIndex(ascending(Appointment.CLINIC_ID, Appointment.START),
        new IndexOptions().name("clinicId_start"));
    appointments.createIndex(ascending(Appointment.PATIENT_KEY, Appointment.START),
        new IndexOptions().name("patientKey_start"));
  }

  /** @return false when a claim is taken (duplicate key): nothing was written */
  boolean insert(Document appointment) {
    try {
      collection().insertOne(appointment);
      relayWakeUp.signal(appointment.getString(Appointment.ID));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Applies {@code update} only if the appointment is still as read (same sequence).
   *
   * @return the outcome; {@link UpdateOutcome#CLAIM_TAKEN} leaves the document untouched
   */
  UpdateOutcome update(String id, long readSequence, Bson update) {
    try {
      long matched = collection()
          .updateOne(and(eq(Appointment.ID, id), eq(Appointment.SEQUENCE, readSequence)), update)
          .getMatchedCount();
      if (matched == 0) {
        return UpdateOutcome.CHANGED_MEANWHILE;
      }
      relayWakeUp.signal(id);
      return UpdateOutcome.UPDATED;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return UpdateOutcome.CLAIM_TAKEN;
      }
      throw e;
    }
  }

  enum UpdateOutcome {
    UPDATED,
    CHANGED_MEANWHILE,
    CLAIM_TAKEN
  }

  Optional<Appointment> find(String id) {
    return Optional.ofNullable(collection().find(eq(Appointment.ID, id)).first()).map(Appointment::from);
  }

  /** Only with the right token: a wrong one looks exactly like a missing appointment. */
  Optional<Appointment> findWithToken(String id, String tokenHash) {
    return Optional.ofNullable(
            collection().find(and(eq(Appointment.ID, id), eq(Appointment.MANAGE_TOKEN_HASH, tokenHash))).first())
        .map(Appointment::from);
  }

  /** The clinic's appointments starting in {@code [from, to)}, by start. */
  List<Appointment> forClinic(String clinicId, Instant from, Instant to) {
    List<Appointment> appointments = new ArrayList<>();
    collection().find(and(eq(Appointment.CLINIC_ID, clinicId),
            gte(Appointment.START, Date.from(from)), lt(Appointment.START, Date.from(to))))
        .sort(ascending(Appointment.START))
        .forEach(document -> appointments.add(Appointment.from(document)));
    return appointments;
  }

  /**
   * Whether one patient (by email key) holds at least {@code limit} upcoming active appointments.
   * Reads at most {@code limit} ids through the {@code patientKey_start} index instead of counting:
   * {@code countDocuments} is an aggregation, which the wire server answers by scanning the
   * collection whatever the indexes.
   */
  boolean hasUpcomingAtLeast(String patientKey, Instant now, int limit) {
    if (limit <= 0) {
      return true; // and limit(0) would mean no limit
    }
    List<Document> upcoming = collection().find(and(eq(Appointment.PATIENT_KEY, patientKey),
            gt(Appointment.START, Date.from(now)), eq(Appointment.STATUS, Appointment.Status.BOOKED.name())))
        .projection(include("_id"))
        .limit(limit)
        .into(new ArrayList<>());
    return upcoming.size() >= limit;
  }

  /**
   * Asks for the documents holding any of the cells: an {@code $in} on the unique multikey claims
   * index, answered by index lookups on MongoDB and on the wire server alike, so the cost follows
   * the cells asked about. No status filter: a cancelled appointment holds only its tombstone,
   * while completed and no-show ones keep their claims, and the time they used stays taken. Asked
   * in chunks, so no query carries more than {@link TakenClaims#BATCH} cells whatever the caller.
   */
  @Override
  public Set<String> takenAmong(Collection<String> claims) {
    List<String> asked = List.copyOf(claims);
    Set<String> taken = new HashSet<>();
    for (int from = 0; from < asked.size(); from += TakenClaims.BATCH) {
      List<String> chunk = asked.subList(from, Math.min(asked.size(), from + TakenClaims.BATCH));
      Set<String> wanted = Set.copyOf(chunk);
      // The wire server returns a document once per cell it matched; the set absorbs repeats.
      collection().find(holdingAny(chunk))
          .projection(include(Appointment.CLAIMS))
          .forEach(document -> document.getList(Appointment.CLAIMS, String.class, List.of()).stream()
              .filter(wanted::contains)
              .forEach(taken::add));
    }
    return taken;
  }

  /**
   * Nothing but the claims field: the wire server uses an index only when the filter names
   * exactly that index's fields.
   */
  static Bson holdingAny(Collection<String> claims) {
    return in(Appointment.CLAIMS, claims);
  }

  MongoCollection<Document> collection() {
    return mongo.getCollection(Outbox.COLLECTION);
  }
}
