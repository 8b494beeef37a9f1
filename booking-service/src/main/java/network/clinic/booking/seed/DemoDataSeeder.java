package network.clinic.booking.seed;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.List;
import network.clinic.booking.clinic.Clinic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Seeds {@link DemoNetwork} when the catalogue is empty. Safe with several instances starting at
 * once: fixed ids, and an insert that finds its document already there is simply skipped.
 * Nothing is ever overwritten, so a catalogue changed through the API stays as it is.
 */
@Component
@ConditionalOnBooleanProperty(name = "clinic.booking.seed-demo-data", matchIfMissing = true)
class DemoDataSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

  private final MongoTemplate mongo;

  DemoDataSeeder(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (mongo.exists(new Query(), Clinic.class)) {
      return;
    }
    // Clinics last: a start that dies half-way finds no clinics and completes the seed next time.
    int inserted = insertAll(DemoNetwork.treatments()) + insertAll(DemoNetwork.practitioners())
        + insertAll(DemoNetwork.clinics());
    log.info("Seeded the demo network: {} documents", inserted);
  }

  private int insertAll(List<?> documents) {
    int inserted = 0;
    for (Object document : documents) {
      try {
        mongo.insert(document);
        inserted++;
      } catch (DuplicateKeyException e) {
        // Another instance seeded it first.
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    }
    return inserted;
  }
}
