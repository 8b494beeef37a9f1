package network.clinic.booking;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the documents the application's own MongoDB client receives from {@code find} queries on
 * a collection whose filter names a given field (first batch and every {@code getMore}), so a test
 * can show what a request actually read: every document received, and the distinct ones by
 * {@code _id} (the wire server may return a document once per {@code $in} value it matched).
 */
public final class MongoCommandCounter implements CommandListener {

  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong queries = new AtomicLong();
  private final Set<BsonValue> ids = ConcurrentHashMap.newKeySet();
  private final Set<Integer> trackedRequests = ConcurrentHashMap.newKeySet();
  private final Set<Long> trackedCursors = ConcurrentHashMap.newKeySet();
  private volatile String collection = "";
  private volatile String filterField = "";

  /** Starts counting {@code find} results on {@code collection} whose filter mentions {@code field}. */
  public void watch(String collection, String field) {
    this.collection = collection;
    this.filterField = field;
    documents.set(0);
    queries.set(0);
    ids.clear();
  }

  public long documentsReturned() {
    return documents.get();
  }

  public long distinctDocumentsReturned() {
    return ids.size();
  }

  /** {@code find} commands counted, without their {@code getMore}s. */
  public long queries() {
    return queries.get();
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    BsonDocument command = event.getCommand();
    if (event.getCommandName().equals("find") && command.getString("find").getValue().equals(collection)
        && command.containsKey("filter") && command.getDocument("filter").toJson().contains(filterField)) {
      trackedRequests.add(event.getRequestId());
      queries.incrementAndGet();
    } else if (event.getCommandName().equals("getMore") && trackedCursors.contains(command.getInt64("getMore").getValue())) {
      trackedRequests.add(event.getRequestId());
    }
  }

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    if (!trackedRequests.remove(event.getRequestId())) {
      return;
    }
    BsonDocument cursor = event.getResponse().getDocument("cursor");
    for (Map.Entry<String, BsonValue> field : cursor.entrySet()) {
      if (field.getKey().endsWith("Batch")) {
        documents.addAndGet(field.getValue().asArray().size());
        field.getValue().asArray().forEach(document -> ids.add(document.asDocument().get("_id")));
      }
    }
    long id = cursor.getInt64("id").getValue();
    if (id != 0) {
      trackedCursors.add(id);
    }
  }

  /** Registers one counter on the application's client. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    MongoCommandCounter mongoCommandCounter() {
      return new MongoCommandCounter();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countingListener(MongoCommandCounter counter) {
      return settings -> settings.addCommandListener(counter);
    }
  }
}
