package network.clinic.notification.inbox;

import static com.mongodb.client.model.Indexes.ascending;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Indexes for the retention job's queries. Plain ones: the inbox's correctness rests on the unique
 * {@code _id}s alone.
 */
@Component
class InboxIndexes implements ApplicationRunner {

  private final MongoOperations mongo;

  InboxIndexes(MongoOperations mongo) {
    this.mongo = mongo;
  }

  @Override
  public void run(ApplicationArguments args) {
    mongo.getCollection(mongo.getCollectionName(ReceivedEvent.class))
        .createIndex(ascending("receivedAt"));
    mongo.getCollection(mongo.getCollectionName(AppointmentState.class))
        .createIndex(ascending(AppointmentState.UPDATED_AT));
  }
}
