package network.clinic.notification.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code messages} collection. Every write is a single-document operation, atomic on its own:
 * an insert under a unique id, or a conditional update. No transactions, so the same code runs on
 * MongoDB 8 and on the embedded wire server.
 */
@Component
class MessageStore {

  private final MongoOperations mongo;

  MessageStore(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /**
   * Records a message unless one with its id exists.
   *
   * @return false if it was recorded before (the event is being handled again)
   */
  boolean record(Message message) {
    try {
      mongo.insert(message);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Cancels the appointment's pending messages of earlier changes: what they would say is out of
   * date. A message a dispatcher is sending at this very moment is not stopped; if it is accepted
   * it is marked sent all the same.
   */
  long supersede(String appointmentId, long sequence, String eventId, Instant now) {
    Query earlierPending = query(where(Message.APPOINTMENT_ID).is(appointmentId)
        .and(Message.STATUS).is(MessageStatus.PENDING)
        .and(Message.SEQUENCE).lt(sequence));
    Update cancel = settle(MessageStatus.CANCELLED, now).set(Message.SUPERSEDED_BY, eventId);
    return mongo.updateMulti(earlierPending, cancel, Message.class).getModifiedCount();
  }

  /**
   * Pending messages that are due and held by no live dispatcher, longest due first: candidates
   * for {@link #claim}, which decides. Ids, appointments and channels only.
   */
  List<DueMessage> due(Instant now, int limit) {
    Query due = query(dueAndFree(where(Message.STATUS).is(MessageStatus.PENDING), now))
        .with(Sort.by(Message.NEXT_ATTEMPT_AT))
        .limit(limit);
    due.fields().include(Message.APPOINTMENT_ID).include(Message.CHANNEL);
    // Documents, not messages: a record cannot be built from some of its fields.
    return mongo.find(due, Document.class, Message.COLLECTION).stream()
        .map(found -> new DueMessage(
            found.getString("_id"),
            found.getString(Message.APPOINTMENT_ID),
            Channel.valueOf(found.getString(Message.CHANNEL))))
        .toList();
  }

  /**
   * Atomically takes the message if it is still pending, due and held by no live dispatcher,
   * leasing it to {@code owner} and counting the attempt. Two dispatchers can never both take it.
   *
   * @return empty if it was sent, given up, superseded or taken meanwhile, or is not due
   */
  Optional<Message> claim(String id, Instant now, Duration lease, String owner) {
    // The wire server answers only a filter on _id alone from its index, so this one is a scan
    // there; with _id tested first, every other document is passed over after one comparison.
    Query claimable = query(dueAndFree(
        where("_id").is(id).and(Message.STATUS).is(MessageStatus.PENDING), now));
    Update claim = new Update()
        .set(Message.LEASE_OWNER, owner)
        .set(Message.LEASE_UNTIL, now.plus(lease))
        .set(Message.LAST_ATTEMPT_AT, now)
        .set(Message.UPDATED_AT, now)
        .inc(Message.ATTEMPTS, 1);
    return Optional.ofNullable(mongo.findAndModify(
        claimable, claim, FindAndModifyOptions.options().returnNew(true), Message.class));
  }

  /**
   * Records that the provider accepted the message, whoever holds it now: from here on it is
   * never sent again.
   */
  void markSent(String id, Instant acceptedAt) {
    mongo.updateFirst(
        query(where("_id").is(id)),
        settle(MessageStatus.SENT, acceptedAt)
            .set(Message.ACCEPTED_AT, acceptedAt)
            .unset(Message.LAST_ERROR),
        Message.class);
  }

  /** Schedules another attempt, if this owner still holds the message. */
  void retryLater(String id, String owner, Instant nextAttemptAt, String error, Instant now) {
    mongo.updateFirst(
        heldBy(id, owner),
        new Update()
            .set(Message.NEXT_ATTEMPT_AT, nextAttemptAt)
            .set(Message.LAST_ERROR, error)
            .set(Message.UPDATED_AT, now)
            .unset(Message.LEASE_OWNER)
            .unset(Message.LEASE_UNTIL),
        Message.class);
  }

  /** Gives the message up (failed or expired), if this owner still holds it. */
  boolean giveUp(String id, String owner, MessageStatus status, String error, Instant now) {
    Update update = settle(status, now);
    if (error != null) {
      update.set(Message.LAST_ERROR, error);
    }
    return mongo.updateFirst(heldBy(id, owner), update, Message.class).getModifiedCount() > 0;
  }

  List<Message> forAppointment(String appointmentId) {
    Query query = query(where(Message.APPOINTMENT_ID).is(appointmentId))
        .with(Sort.by(Message.CREATED_AT, Message.SEQUENCE, "_id"));
    // Never read the payload for listing: it is not needed, and never leaves the database.
    query.fields().exclude(Message.PAYLOAD);
    return mongo.find(query, Message.class);
  }

  /** Pending messages due now or earlier: the backlog. */
  long countDue(Instant now) {
    return mongo.count(duePending(now), Message.class);
  }

  /** When the longest-waiting due message became due. */
  Optional<Instant> oldestDue(Instant now) {
    Query oldest = duePending(now).with(Sort.by(Message.DUE_AT)).limit(1);
    oldest.fields().include(Message.DUE_AT);
    return Optional.ofNullable(mongo.findOne(oldest, Document.class, Message.COLLECTION))
        .map(document -> document.getDate(Message.DUE_AT).toInstant());
  }

  /** Pending reminders (and anything else) due later. */
  long countScheduled(Instant now) {
    return mongo.count(
        query(where(Message.STATUS).is(MessageStatus.PENDING).and(Message.DUE_AT).gt(now)),
        Message.class);
  }

  /** Deletes settled messages last touched before {@code cutoff}; pending ones are kept. */
  long deleteSettledBefore(Instant cutoff) {
    return mongo.remove(
            query(where(Message.STATUS).ne(MessageStatus.PENDING)
                .and(Message.UPDATED_AT).lt(cutoff)),
            Message.class)
        .getDeletedCount();
  }

  /** Due for an attempt, and no lease or an expired one (a missing lease matches is(null)). */
  private static Criteria dueAndFree(Criteria pending, Instant now) {
    return pending.and(Message.NEXT_ATTEMPT_AT).lte(now)
        .orOperator(where(Message.LEASE_UNTIL).is(null), where(Message.LEASE_UNTIL).lte(now));
  }

  private static Query duePending(Instant now) {
    return query(where(Message.STATUS).is(MessageStatus.PENDING).and(Message.DUE_AT).lte(now));
  }

  private static Query heldBy(String id, String owner) {
    return query(Criteria.where("_id").is(id)
        .and(Message.LEASE_OWNER).is(owner)
        .and(Message.STATUS).is(MessageStatus.PENDING));
  }

  /** A final status: no lease, no next attempt, and no more personal data kept. */
  private static Update settle(MessageStatus status, Instant now) {
    return new Update()
        .set(Message.STATUS, status)
        .set(Message.UPDATED_AT, now)
        .unset(Message.NEXT_ATTEMPT_AT)
        .unset(Message.LEASE_OWNER)
        .unset(Message.LEASE_UNTIL)
        .unset(Message.PAYLOAD);
  }
}
