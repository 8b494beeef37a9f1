package network.clinic.booking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every document of every collection of the service's database, keyed by collection and
 * {@code _id}, so "nothing was written" can be checked as "the database is the same", whatever
 * the order the documents come back in: {@code assertThat(before.changesIn(DatabaseSnapshot.of(mongo))).isEmpty()}.
 */
public final class DatabaseSnapshot {

  private final Map<String, Map<String, String>> collections;

  private DatabaseSnapshot(Map<String, Map<String, String>> collections) {
    this.collections = collections;
  }

  public static DatabaseSnapshot of(MongoTemplate mongo) {
    Map<String, Map<String, String>> collections = new TreeMap<>();
    for (String name : mongo.getCollectionNames()) {
      if (name.startsWith("system.")) {
        continue;
      }
      Map<String, String> documents = new HashMap<>();
      for (Document document : mongo.getCollection(name).find()) {
        // Extended JSON keeps types apart (a Date is not the string of its value).
        documents.put(new Document("_id", document.get("_id")).toJson(), document.toJson());
      }
      collections.put(name, documents);
    }
    return new DatabaseSnapshot(collections);
  }

  /** What differs in {@code later}: one line per added, removed or changed document; empty if none. */
  public List<String> changesIn(DatabaseSnapshot later) {
    List<String> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(collections.keySet());
    names.addAll(later.collections.keySet());
    for (String name : names) {
      Map<String, String> before = collections.getOrDefault(name, Map.of());
      Map<String, String> after = later.collections.getOrDefault(name, Map.of());
      TreeSet<String> ids = new TreeSet<>(before.keySet());
      ids.addAll(after.keySet());
      for (String id : ids) {
        String was = before.get(id);
        String is = after.get(id);
        if (was == null) {
          changes.add(name + ": added " + is);
        } else if (is == null) {
          changes.add(name + ": removed " + was);
        } else if (!was.equals(is)) {
          changes.add(name + ": changed " + id + " from " + was + " to " + is);
        }
      }
    }
    return changes;
  }
}
