package network.clinic.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import network.clinic.notification.retention.ExpiredRecords;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Forgets events received, and appointments last changed, before the retention cutoff. Safe only
 * because the cutoff lies beyond the topic's retention: no deleted event can be redelivered.
 */
@Component
class ReceivedEventsRetention implements ExpiredRecords {

  private final MongoOperations mongo;

  ReceivedEventsRetention(MongoOperations mongo) {
    this.mongo = mongo;
  }

  @Override
  public String name() {
    return "received-events";
  }

  @Override
  public long deleteFinishedBefore(Instant cutoff) {
    long events = mongo.remove(
        query(where("receivedAt").lt(cutoff)), ReceivedEvent.class).getDeletedCount();
    long states = mongo.remove(
        query(where(AppointmentState.UPDATED_AT).lt(cutoff)), AppointmentState.class)
        .getDeletedCount();
    return events + states;
  }
}
