package network.clinic.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import network.clinic.events.AppointmentEvent;
import network.clinic.notification.inbox.Reception.Outcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records incoming events exactly once per event id and tells whether each is new, a repeat or
 * stale. Safe under redelivery and with several consumers, without multi-document transactions:
 * every step is idempotent, and the "received" mark is written last, so an event counts as seen
 * only once all its steps are done. A crash in between is repaired by Kafka's redelivery, which
 * repeats the steps harmlessly. The {@link LatestChangeHandler}s (recording the messages to send)
 * run before the mark for that reason, and are idempotent by event id too.
 */
@Component
class EventInbox {

  /** Racing first writes of one appointment's state; a third failure means something else. */
  private static final int STATE_WRITE_ATTEMPTS = 3;

  private final MongoOperations mongo;
  private final Clock clock;
  private final ObjectProvider<LatestChangeHandler> handlers;

  EventInbox(MongoOperations mongo, Clock clock, ObjectProvider<LatestChangeHandler> handlers) {
    this.mongo = mongo;
    this.clock = clock;
    this.handlers = handlers;
  }

  Reception receive(AppointmentEvent event) {
    String eventId = event.eventId().toString();
    // Fast path for the usual repeat; the unique _id below still decides any race.
    if (mongo.exists(query(where("_id").is(eventId)), ReceivedEvent.class)) {
      return new Reception(event, Outcome.DUPLICATE);
    }
    Instant now = clock.instant();
    boolean latest = advanceSequence(event, now);
    if (latest) {
      handlers.orderedStream().forEach(handler -> handler.onLatestChange(event));
    }
    try {
      mongo.insert(new ReceivedEvent(
          eventId,
          event.appointmentId(),
          event.type().cloudEventType(),
          event.sequence(),
          event.occurredAt(),
          now));
    } catch (DuplicateKeyException e) {
      return new Reception(event, Outcome.DUPLICATE);
    }
    return new Reception(event, latest ? Outcome.RECORDED : Outcome.STALE);
  }

  /**
   * Raises the appointment's last sequence to the event's, unless it is already higher.
   *
   * @return false if a later change of the appointment was seen before this one (stale)
   */
  private boolean advanceSequence(AppointmentEvent event, Instant now) {
    String appointmentId = event.appointmentId();
    long sequence = event.sequence();
    // One atomic conditional upsert: matches only an older state. If a state with this or a later
    // sequence exists, the filter misses it and the upsert's insert collides on _id. This plain
    // filter-plus-$set form behaves the same on MongoDB 8 and on the embedded wire server, which
    // has no pipeline updates to set fields conditionally.
    Query olderOrNone = query(where("_id").is(appointmentId)
        .and(AppointmentState.LAST_SEQUENCE).lt(sequence));
    Update raise = new Update()
        .set(AppointmentState.LAST_SEQUENCE, sequence)
        .set(AppointmentState.LAST_EVENT_ID, event.eventId().toString())
        .set(AppointmentState.UPDATED_AT, now);
    for (int attempt = 1; ; attempt++) {
      try {
        mongo.upsert(olderOrNone, raise, AppointmentState.class);
        return true;
      } catch (DuplicateKeyException e) {
        AppointmentState state = mongo.findById(appointmentId, AppointmentState.class);
        if (state != null && state.lastSequence() >= sequence) {
          // Equal: this very event, applied before a crash kept it from being marked received.
          return state.lastSequence() == sequence;
        }
        // Another consumer created the state with an older sequence at the same moment: retry.
        if (attempt == STATE_WRITE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
