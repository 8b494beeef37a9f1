package network.clinic.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire server answers queries that pin {@code _id} (or another unique field) among other
 * conditions from the index, with exactly the results and stored documents of the unmodified
 * library, which scans the collection for them.
 */
class MongoWireIndexLookupTests {

  private static final Date NOW = new Date(1_800_000_000_000L);
  private static final ObjectId OBJECT_ID = new ObjectId("65f1c0ffee0000000000beef");
  private static final UUID UUID_ID = UUID.fromString("0b7a3c2e-1111-4222-8333-944455556666");

  @Test
  void everyOperationGivesTheUnmodifiedServersResultsAndDocuments() {
    Map<String, Object> plain = onServer(H2Backend.inMemory(), MongoWireIndexLookupTests::scenario);
    Map<String, Object> ours = onServer(new IndexedH2Backend(MVStore.open(null)),
        MongoWireIndexLookupTests::scenario);

    assertThat(ours).containsExactlyEntriesOf(plain);
    // The scenario exercises what it claims to: matches, misses, writes and a duplicate key.
    assertThat(ours.get("find _id+seq")).asList().hasSize(1);
    assertThat(ours.get("find _id+wrong seq")).asList().isEmpty();
    assertThat(ours.get("$and _id+lease")).asList().hasSize(1);
    assertThat(ours.get("nested field")).asList().hasSize(1);
    assertThat(ours.get("update conditional")).isEqualTo("matched 1, modified 1, upserted null");
    assertThat(ours.get("update stale")).isEqualTo("matched 0, modified 0, upserted null");
    assertThat(ours.get("upsert new")).asString().contains("upserted BsonString{value='new-1'}");
    assertThat(ours.get("upsert existing _id, other seq")).isEqualTo("error 11000");
    assertThat(ours.get("claim lease")).isNotNull();
    assertThat(ours.get("claim taken lease")).isNull();
    assertThat(ours.get("delete conditional")).isEqualTo(1L);
    assertThat(ours.get("slug+seq")).asList().hasSize(1);
    assertThat(ours.get("int _id as long")).asList().hasSize(1);
    assertThat(ours.get("all documents")).asList().hasSize(64);
  }

  @Test
  void aQueryOnIdAndAnotherFieldExaminesOneDocumentNotTheCollection() {
    ExaminingH2Backend plain = new ExaminingH2Backend(false);
    ExaminingH2Backend ours = new ExaminingH2Backend(true);

    Map<String, Object> plainCounts = onServer(plain, db -> examinedPerOperation(db, plain.examined()));
    Map<String, Object> ourCounts = onServer(ours, db -> examinedPerOperation(db, ours.examined()));

    assertThat(plainCounts).allSatisfy((operation, examined) -> assertThat(examined).isEqualTo(5_000L));
    assertThat(plainCounts).hasSize(5);
    assertThat(ourCounts).allSatisfy((operation, examined) -> assertThat(examined).isEqualTo(1L));
  }

  @Test
  void aFileWrittenByTheLibrarysBackendIsReadAndServedAlike(@TempDir Path folder) {
    String file = folder.resolve("mongo.mv").toString();
    onServer(new H2Backend(file), db -> {
      db.getCollection("things").insertMany(List.of(thing(1), thing(2), thing(3)));
      return null;
    });

    Object found = onServer(new IndexedH2Backend(file),
        db -> db.getCollection("things").find(and(eq("_id", "t-2"), eq("seq", 2))).into(new ArrayList<>()));

    assertThat(found).asList().singleElement().isEqualTo(thing(2));
  }

  private static Document thing(int i) {
    return new Document("_id", "t-" + i).append("seq", i);
  }

  /** Each step's outcome by name; results are in the server's order, as a client sees them. */
  private static Map<String, Object> scenario(MongoDatabase db) {
    MongoCollection<Document> things = db.getCollection("things");
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      documents.add(new Document("_id", "a" + i)
          .append("seq", i % 5)
          .append("slug", "s" + i)
          .append("state", new Document("phase", i % 2 == 0 ? "open" : "closed").append("n", i))
          .append("tags", List.of("t" + i % 3, "all"))
          .append("leaseUntil", new Date(NOW.getTime() + (i % 4 - 2) * 60_000L)));
    }
    documents.add(new Document("_id", 7).append("seq", 1));
    documents.add(new Document("_id", 8L).append("seq", 1));
    documents.add(new Document("_id", 9.5).append("seq", 1));
    documents.add(new Document("_id", OBJECT_ID).append("seq", 2));
    documents.add(new Document("_id", UUID_ID).append("seq", 3));
    things.insertMany(documents);
    things.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).sparse(true));

    Map<String, Object> outcomes = new LinkedHashMap<>();
    Function<Bson, Object> find = filter -> things.find(filter).into(new ArrayList<>());
    outcomes.put("find _id+seq", find.apply(and(eq("_id", "a10"), eq("seq", 0))));
    outcomes.put("find _id+seq as one document", find.apply(new Document("_id", "a10").append("seq", 0)));
    outcomes.put("find _id+wrong seq", find.apply(new Document("_id", "a10").append("seq", 1)));
    outcomes.put("find missing _id", find.apply(new Document("_id", "nope").append("seq", 0)));
    outcomes.put("$and _id+lease", find.apply(and(eq("_id", "a12"), lt("leaseUntil", NOW))));
    outcomes.put("$and _id+lease not expired", find.apply(and(eq("_id", "a11"), lt("leaseUntil", NOW))));
    outcomes.put("nested field", find.apply(and(eq("_id", "a12"), eq("state.phase", "open"))));
    outcomes.put("embedded document", find.apply(
        new Document("_id", "a14").append("state", new Document("phase", "open").append("n", 14))));
    outcomes.put("array element", find.apply(and(eq("_id", "a13"), eq("tags", "t1"))));
    outcomes.put("$eq", find.apply(new Document("_id", new Document("$eq", "a13")).append("seq", 3)));
    outcomes.put("$eq and $ne", find.apply(new Document("_id", new Document("$eq", "a13").append("$ne", "a13"))));
    outcomes.put("$in one", find.apply(and(in("_id", "a14"), eq("seq", 4))));
    outcomes.put("$in several", find.apply(and(in("_id", "a16", "a14", "a15", "nope"), gte("seq", 0))));
    outcomes.put("$in only", find.apply(in("_id", "a16", "a14")));
    outcomes.put("range on _id", find.apply(and(gt("_id", "a5"), eq("seq", 1))));
    outcomes.put("regex _id", find.apply(and(regex("_id", "^a1"), eq("seq", 1))));
    outcomes.put("null _id", find.apply(and(eq("_id", null), eq("seq", 1))));
    outcomes.put("$or beside _id", find.apply(and(eq("_id", "a20"), or(eq("seq", 0), eq("seq", 9)))));
    outcomes.put("two _id clauses", find.apply(and(eq("_id", "a20"), eq("_id", "a21"))));
    outcomes.put("int _id as long", find.apply(and(eq("_id", 7L), eq("seq", 1))));
    outcomes.put("int _id as double", find.apply(and(eq("_id", 7.0), eq("seq", 1))));
    outcomes.put("long _id as int", find.apply(and(eq("_id", 8), eq("seq", 1))));
    outcomes.put("int _id as string", find.apply(and(eq("_id", "7"), eq("seq", 1))));
    outcomes.put("double _id", find.apply(and(eq("_id", 9.5), eq("seq", 1))));
    outcomes.put("ObjectId _id", find.apply(and(eq("_id", OBJECT_ID), eq("seq", 2))));
    outcomes.put("UUID _id", find.apply(and(eq("_id", UUID_ID), eq("seq", 3))));
    outcomes.put("slug+seq", find.apply(and(eq("slug", "s22"), eq("seq", 2))));
    outcomes.put("slug+wrong seq", find.apply(and(eq("slug", "s22"), eq("seq", 3))));
    outcomes.put("sort, skip, limit, projection", things.find(and(in("_id", "a30"), gte("seq", 0)))
        .sort(Sorts.descending("seq")).skip(0).limit(1).projection(Projections.include("slug"))
        .into(new ArrayList<>()));

    outcomes.put("update conditional", describe(things.updateOne(
        and(eq("_id", "a20"), eq("seq", 0)), Updates.inc("seq", 1))));
    outcomes.put("update stale", describe(things.updateOne(
        and(eq("_id", "a20"), eq("seq", 0)), Updates.inc("seq", 1))));
    outcomes.put("update many by _id", describe(things.updateMany(
        and(eq("_id", "a21"), eq("state.phase", "closed")), Updates.set("touched", true))));
    outcomes.put("upsert new", describe(things.updateOne(
        and(eq("_id", "new-1"), eq("seq", 0)), Updates.set("slug", "fresh"), new UpdateOptions().upsert(true))));
    outcomes.put("upsert existing _id, other seq", outcomeOf(() -> describe(things.updateOne(
        and(eq("_id", "a22"), eq("seq", 99)), Updates.set("x", 1), new UpdateOptions().upsert(true)))));
    outcomes.put("upsert matching", describe(things.updateOne(
        and(eq("_id", "a22"), eq("seq", 2)), Updates.set("x", 1), new UpdateOptions().upsert(true))));
    outcomes.put("update onto a taken slug", outcomeOf(() -> describe(things.updateOne(
        and(eq("_id", "a23"), eq("seq", 3)), Updates.set("slug", "s24")))));
    outcomes.put("replace conditional", describe(things.replaceOne(
        and(eq("_id", "a31"), eq("seq", 1)), new Document("seq", 100).append("slug", "s31"))));
    outcomes.put("claim lease", things.findOneAndUpdate(and(eq("_id", "a32"), lt("leaseUntil", NOW)),
        Updates.combine(Updates.set("leaseUntil", new Date(NOW.getTime() + 600_000)), Updates.set("owner", "w1")),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    outcomes.put("claim taken lease", things.findOneAndUpdate(and(eq("_id", "a32"), lt("leaseUntil", NOW)),
        Updates.set("owner", "w2")));
    outcomes.put("claim with upsert", things.findOneAndUpdate(and(eq("_id", "new-2"), eq("seq", 5)),
        Updates.set("owner", "w3"), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
    outcomes.put("find and delete", things.findOneAndDelete(and(eq("_id", "a33"), eq("seq", 3))));
    outcomes.put("delete conditional", things.deleteOne(and(eq("_id", "a40"), eq("seq", 0))).getDeletedCount());
    outcomes.put("delete stale", things.deleteOne(and(eq("_id", "a41"), eq("seq", 0))).getDeletedCount());
    outcomes.put("delete many by _id", things.deleteMany(and(eq("_id", "a42"), eq("seq", 2))).getDeletedCount());
    outcomes.put("count documents", things.countDocuments(and(eq("_id", "a43"), eq("seq", 3))));
    outcomes.put("count command", db.runCommand(new Document("count", "things")
        .append("query", new Document("_id", "a44").append("seq", 4))).get("n"));
    outcomes.put("count command, miss", db.runCommand(new Document("count", "things")
        .append("query", new Document("_id", "a44").append("seq", 0))).get("n"));
    outcomes.put("distinct", things.distinct("slug", and(eq("_id", "a45"), eq("seq", 0)), String.class)
        .into(new ArrayList<>()));
    outcomes.put("all documents", things.find().into(new ArrayList<>()));
    return outcomes;
  }

  private static String describe(UpdateResult result) {
    return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount()
        + ", upserted " + result.getUpsertedId();
  }

  private static Object outcomeOf(Supplier<Object> operation) {
    try {
      return operation.get();
    } catch (MongoException e) {
      return "error " + e.getCode();
    }
  }

  /** How many documents the server's matcher examines for each operation among 5,000. */
  private static Map<String, Object> examinedPerOperation(MongoDatabase db, LongAdder examined) {
    MongoCollection<Document> things = db.getCollection("things");
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      documents.add(new Document("_id", "d%04d".formatted(i)).append("seq", 0).append("leaseUntil", NOW));
    }
    things.insertMany(documents);

    // Matching operations aim at the last document in storage order, so a scan cannot stop early.
    String last = "d4999";
    Map<String, Object> counts = new LinkedHashMap<>();
    Map<String, Runnable> operations = new LinkedHashMap<>();
    operations.put("find, miss", () -> things.find(and(eq("_id", "d2500"), eq("seq", 1))).first());
    operations.put("find", () -> things.find(and(eq("_id", last), eq("seq", 0))).first());
    operations.put("update", () -> things.updateOne(and(eq("_id", last), eq("seq", 0)), Updates.inc("seq", 1)));
    operations.put("claim", () -> things.findOneAndUpdate(
        and(eq("_id", last), lt("leaseUntil", new Date(NOW.getTime() + 1))), Updates.set("owner", "w")));
    operations.put("delete", () -> things.deleteOne(new Document("_id", last).append("seq", 1)));
    operations.forEach((name, operation) -> {
      examined.reset();
      operation.run();
      counts.put(name, examined.sum());
    });
    return counts;
  }

  static <T> T onServer(MongoBackend backend, Function<MongoDatabase, T> work) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create(
        "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?uuidRepresentation=standard")) {
      return work.apply(client.getDatabase("test"));
    } finally {
      server.shutdownNow();
    }
  }
}
