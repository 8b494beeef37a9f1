package network.clinic.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static network.clinic.localstack.MongoWireIndexLookupTests.onServer;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-unique indexes on the wire server: the same results and stored documents as the unmodified
 * library, which scans for every such query, while examining only the documents holding the value.
 */
class MongoWireSecondaryIndexTests {

  private static final Date NOW = new Date(1_800_000_000_000L);

  @Test
  void everyOperationGivesTheUnmodifiedServersResultsAndDocuments() {
    Map<String, Object> plain = onServer(H2Backend.inMemory(), MongoWireSecondaryIndexTests::scenario);
    Map<String, Object> ours = onServer(new IndexedH2Backend(MVStore.open(null)),
        MongoWireSecondaryIndexTests::scenario);

    assertThat(ours).containsExactlyEntriesOf(plain);
    // The scenario exercises what it claims to: hits on every kind of served condition, and misses.
    assertThat(ours.get("pending, oldest first")).asList().hasSize(15);
    assertThat(ours.get("claim oldest pending")).isNotNull();
    assertThat(ours.get("patient upcoming")).asList().hasSize(2);
    assertThat(ours.get("number as long")).asList().hasSize(45);
    assertThat(ours.get("array element")).asList().hasSize(20);
    assertThat(ours.get("pending after updates")).asList().hasSize(13);
    assertThat(ours.get("moved patient")).asList().hasSize(1);
    assertThat(ours.get("no such patient")).asList().isEmpty();
  }

  @Test
  void aConditionOnTheLeadingFieldExaminesTheDocumentsHoldingItNotTheCollection() {
    ExaminingH2Backend plain = new ExaminingH2Backend(false);
    ExaminingH2Backend ours = new ExaminingH2Backend(true);

    Map<String, Long> plainCounts = onServer(plain, db -> examinedPerOperation(db, plain));
    Map<String, Long> ourCounts = onServer(ours, db -> examinedPerOperation(db, ours));

    assertThat(plainCounts).hasSize(5).allSatisfy((operation, examined) -> assertThat(examined).isEqualTo(5_000L));
    assertThat(ourCounts).containsOnly(Map.entry("pending search", 10L), Map.entry("pending claim", 10L),
        Map.entry("pending exists", 10L), Map.entry("patient", 5L), Map.entry("status", 10L));
  }

  @Test
  void reopenedFromItsFileTheIndexIsFilledAgainAndServes(@TempDir Path folder) {
    String file = folder.resolve("mongo.mv").toString();
    // Written by the unmodified library, which records the index but keeps nothing in it.
    onServer(new H2Backend(file), db -> {
      MongoCollection<Document> things = db.getCollection("things");
      things.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true));
      for (int i = 0; i < 50; i++) {
        things.insertOne(new Document("_id", "t" + i).append("pendingSince", i % 10 == 0 ? NOW : null));
      }
      things.updateMany(eq("pendingSince", null), Updates.unset("pendingSince"));
      return null;
    });

    Object found = onServer(new IndexedH2Backend(file), db -> db.getCollection("things")
        .find(lte("pendingSince", NOW)).sort(Sorts.ascending("_id")).into(new ArrayList<>()));

    assertThat(found).asList().extracting(thing -> ((Document) thing).getString("_id"))
        .containsExactly("t0", "t10", "t20", "t30", "t40");
  }

  /**
   * Each step's outcome by name. Results without a sort are put in {@code _id} order: neither
   * server promises an order there, and ours answers in the index's.
   */
  private static Map<String, Object> scenario(MongoDatabase db) {
    MongoCollection<Document> things = db.getCollection("things");
    things.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true));
    things.createIndex(Indexes.ascending("patient", "start"));
    things.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("dueAt")));
    things.createIndex(Indexes.ascending("n"));
    things.createIndex(Indexes.ascending("tags"));
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Document thing = new Document("_id", "a%02d".formatted(i))
          .append("patient", "p" + i % 7)
          .append("start", new Date(NOW.getTime() + (i % 5 - 2) * 3_600_000L))
          .append("status", i % 3 == 0 ? "BOOKED" : i % 3 == 1 ? "CANCELLED" : null)
          .append("dueAt", new Date(NOW.getTime() + (i % 4 - 2) * 60_000L))
          .append("n", i % 4 == 0 ? (Object) 7 : i % 4 == 1 ? (Object) 7L : i % 4 == 2 ? (Object) 7.0 : (Object) 7.5)
          .append("tags", i % 3 == 0 ? List.of("x", "y") : "x");
      if (i % 4 == 0) {
        thing.append("pendingSince", new Date(NOW.getTime() - i * 1_000L));
      }
      if (i % 10 == 0) {
        thing.remove("status"); // missing beside null
      }
      documents.add(thing);
    }
    documents.add(new Document("_id", "array-patient").append("patient", List.of("p1", "p2")));
    documents.add(new Document("_id", "embedded-patient").append("patient", new Document("id", "p1")));
    things.insertMany(documents);

    Map<String, Object> outcomes = new LinkedHashMap<>();
    Function<Bson, Object> find = filter -> byId(things.find(filter).into(new ArrayList<>()));
    outcomes.put("pending, oldest first", things.find(and(lte("pendingSince", NOW),
        or(eq("leaseUntil", null), lte("leaseUntil", NOW)))).sort(Sorts.ascending("pendingSince"))
        .into(new ArrayList<>()));
    outcomes.put("pending exists", find.apply(exists("pendingSince")));
    outcomes.put("pending not exists", find.apply(exists("pendingSince", false)));
    outcomes.put("pending null", find.apply(eq("pendingSince", null)));
    outcomes.put("pending $ne", find.apply(ne("pendingSince", NOW)));
    outcomes.put("pending between", find.apply(new Document("pendingSince",
        new Document("$gt", new Date(NOW.getTime() - 30_000)).append("$lte", NOW))));
    outcomes.put("claim oldest pending", things.findOneAndUpdate(lte("pendingSince", NOW),
        Updates.set("leaseUntil", new Date(NOW.getTime() + 60_000)),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("pendingSince")).returnDocument(ReturnDocument.AFTER)));
    outcomes.put("claim again skips the leased", things.findOneAndUpdate(and(lte("pendingSince", NOW),
            or(eq("leaseUntil", null), lte("leaseUntil", NOW))),
        Updates.set("leaseUntil", new Date(NOW.getTime() + 60_000)),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("pendingSince")).returnDocument(ReturnDocument.AFTER)));
    outcomes.put("patient upcoming", find.apply(and(eq("patient", "p3"), gt("start", NOW), eq("status", "BOOKED"))));
    outcomes.put("patient as one document", find.apply(new Document("patient", "p1").append("start", new Document("$gte", NOW))));
    outcomes.put("patient $eq", find.apply(new Document("patient", new Document("$eq", "p2"))));
    outcomes.put("patient $in one", find.apply(in("patient", "p2")));
    outcomes.put("patient $in several", find.apply(in("patient", "p2", "p4")));
    outcomes.put("patient range", find.apply(and(gt("patient", "p4"), lt("start", NOW))));
    outcomes.put("patient embedded", find.apply(eq("patient", new Document("id", "p1"))));
    outcomes.put("no such patient", find.apply(and(eq("patient", "nobody"), gt("start", NOW))));
    outcomes.put("status null", find.apply(eq("status", null)));
    outcomes.put("status due", things.find(and(eq("status", "BOOKED"), lte("dueAt", NOW)))
        .sort(Sorts.ascending("dueAt", "_id")).into(new ArrayList<>()));
    outcomes.put("number as long", find.apply(eq("n", 7L)));
    outcomes.put("number as double", find.apply(eq("n", 7.0)));
    outcomes.put("number fraction", find.apply(eq("n", 7.5)));
    outcomes.put("number range", find.apply(gt("n", 7)));
    outcomes.put("array element", find.apply(eq("tags", "y")));
    outcomes.put("scalar or element", find.apply(eq("tags", "x")));

    // Writes that move documents between values, out of the sparse index and into it again.
    things.updateMany(and(eq("patient", "p3"), eq("status", "BOOKED")), Updates.set("patient", "p9"));
    things.updateOne(eq("_id", "a08"), Updates.unset("pendingSince"));
    things.updateOne(eq("_id", "a12"), Updates.unset("pendingSince"));
    things.updateOne(eq("_id", "a13"), Updates.set("pendingSince", NOW));
    things.deleteOne(eq("_id", "a16"));
    things.replaceOne(eq("_id", "a17"), new Document("patient", "p10").append("status", "BOOKED"));
    things.updateOne(eq("_id", "a18"), Updates.set("n", 8));
    outcomes.put("pending after updates", find.apply(lte("pendingSince", NOW)));
    outcomes.put("moved patient", find.apply(eq("patient", "p10")));
    outcomes.put("patient after move", find.apply(eq("patient", "p9")));
    outcomes.put("old patient after move", find.apply(eq("patient", "p3")));
    outcomes.put("number after update", find.apply(eq("n", 8)));
    outcomes.put("deleted many by patient", things.deleteMany(eq("patient", "p5")).getDeletedCount());
    outcomes.put("patient after delete", find.apply(eq("patient", "p5")));
    outcomes.put("all documents", find.apply(new Document()));
    return outcomes;
  }

  private static List<Document> byId(List<Document> documents) {
    documents.sort(Comparator.comparing(document -> document.get("_id").toString()));
    return documents;
  }

  /** How many documents the matcher examines per operation among 5,000, 10 of them pending. */
  private static Map<String, Long> examinedPerOperation(MongoDatabase db, ExaminingH2Backend backend) {
    MongoCollection<Document> things = db.getCollection("things");
    things.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true));
    things.createIndex(Indexes.ascending("patient", "start"));
    things.createIndex(Indexes.ascending("status", "dueAt"));
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Document thing = new Document("_id", "d%04d".formatted(i))
          .append("patient", "p" + i % 1_000)
          .append("start", NOW)
          .append("status", i % 500 == 0 ? "DUE" : "SENT");
      if (i % 500 == 7) {
        thing.append("pendingSince", NOW);
      }
      documents.add(thing);
    }
    things.insertMany(documents);

    Map<String, Runnable> operations = new LinkedHashMap<>();
    operations.put("pending search", () -> things.find(lte("pendingSince", NOW))
        .sort(Sorts.ascending("pendingSince")).first());
    operations.put("pending claim", () -> things.findOneAndUpdate(and(lte("pendingSince", NOW),
        or(eq("leaseUntil", null), lte("leaseUntil", NOW))), Updates.set("leaseUntil", NOW),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("pendingSince"))));
    operations.put("pending exists", () -> things.find(exists("pendingSince")).into(new ArrayList<>()));
    operations.put("patient", () -> things.find(and(eq("patient", "p42"), gte("start", NOW))).into(new ArrayList<>()));
    operations.put("status", () -> things.find(and(eq("status", "DUE"), lte("start", NOW))).into(new ArrayList<>()));
    Map<String, Long> counts = new LinkedHashMap<>();
    operations.forEach((name, operation) -> {
      backend.examined().reset();
      operation.run();
      counts.put(name, backend.examined().sum());
    });
    return counts;
  }
}
