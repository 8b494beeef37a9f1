package network.clinic.localstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static network.clinic.localstack.MongoWireIndexLookupTests.onServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique index keys compared without serialization keep exactly the library's order, so the
 * index answers alike and the files stay interchangeable with the unmodified library.
 */
class UniqueIndexKeyTypeTests {

  private static final ObjectDataType LIBRARY = new ObjectDataType();
  private static final UniqueIndexKeyType OURS = new UniqueIndexKeyType();

  @Test
  void ordersEveryPairOfKeysAsTheirSerializedBytesDo() {
    List<KeyValue> keys = sampleKeys(new Random(20261121));
    int pairs = 0;
    for (KeyValue a : keys) {
      for (KeyValue b : keys) {
        assertThat(Integer.signum(OURS.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(LIBRARY.compare(a, b)));
        pairs++;
      }
    }
    assertThat(pairs).isGreaterThan(100_000);
  }

  @Test
  void theLibraryOpensItsUniqueIndexesOnMapsOfThisKeyTypeAndNoOtherMaps(@TempDir Path folder) {
    MVStore plainStore = MVStore.open(null);
    Set<String> plainMaps = onServer(new H2Backend(plainStore), db -> {
      writeThings(db, 0, 10);
      return new TreeSet<>(plainStore.getMapNames());
    });

    String file = folder.resolve("mongo.mv").toString();
    MVStore written = MVStore.open(file);
    Set<String> ourMaps = onServer(new IndexedH2Backend(written), db -> {
      writeThings(db, 0, 10);
      return uniqueIndexMapsOfOurType(written);
    });
    // Reopened: the indexes of existing collections are opened while the backend is being built.
    MVStore reopened = MVStore.open(file);
    Set<String> reopenedMaps = onServer(new IndexedH2Backend(reopened), db -> uniqueIndexMapsOfOurType(reopened));

    assertThat(ourMaps).isEqualTo(plainMaps).anyMatch(name -> name.endsWith("._index_slug_unique"));
    assertThat(reopenedMaps).isEqualTo(plainMaps);
  }

  @Test
  void filesWrittenByEitherServerAreReadAndServedByTheOther(@TempDir Path folder) {
    String file = folder.resolve("mongo.mv").toString();
    onServer(new H2Backend(file), db -> writeThings(db, 0, 400));
    onServer(new IndexedH2Backend(file), db -> {
      assertEveryThingFoundAndDuplicatesRejected(db, 400);
      return writeThings(db, 400, 800);
    });
    onServer(new H2Backend(file), db -> assertEveryThingFoundAndDuplicatesRejected(db, 800));
  }

  /** All the store's map names, after checking that each unique index map has our key type. */
  private static Set<String> uniqueIndexMapsOfOurType(MVStore store) {
    Set<String> names = new TreeSet<>(store.getMapNames());
    names.stream().filter(name -> name.contains("._index_")).forEach(name ->
        assertThat(store.openMap(name).getKeyType()).as(name).isInstanceOf(UniqueIndexKeyType.class));
    return names;
  }

  private static Void writeThings(MongoDatabase db, int from, int to) {
    MongoCollection<Document> things = db.getCollection("things");
    things.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));
    things.insertMany(IntStream.range(from, to).mapToObj(UniqueIndexKeyTypeTests::thing).toList());
    return null;
  }

  private static Void assertEveryThingFoundAndDuplicatesRejected(MongoDatabase db, int count) {
    MongoCollection<Document> things = db.getCollection("things");
    for (int i = 0; i < count; i++) {
      Document thing = thing(i);
      assertThat(things.find(eq("_id", thing.get("_id"))).first()).isEqualTo(thing);
      assertThat(things.find(and(eq("slug", thing.get("slug")), eq("n", i))).first()).isEqualTo(thing);
    }
    for (int i : new int[] {0, count / 2, count - 1}) {
      assertThatThrownBy(() -> things.insertOne(thing(i))).isInstanceOf(MongoWriteException.class);
      Document sameSlug = new Document("_id", "fresh-" + i + "-" + count).append("slug", thing(i).get("slug"));
      assertThatThrownBy(() -> things.insertOne(sameSlug)).isInstanceOf(MongoWriteException.class);
    }
    assertThat(things.countDocuments()).isEqualTo(count);
    return null;
  }

  /** Ids of several kinds and lengths, so the library's byte order differs from plain orders. */
  private static Document thing(int i) {
    Object id = switch (i % 4) {
      case 0 -> "appt-" + Integer.toHexString(i * 7919);
      case 1 -> new org.bson.types.ObjectId("%024x".formatted(i * 104_729L));
      case 2 -> "клиника-" + i;
      default -> "x".repeat(i % 37) + i;
    };
    return new Document("_id", id).append("slug", "s" + (i * 31 % 1000) + "-" + i).append("n", i);
  }

  private static List<KeyValue> sampleKeys(Random random) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    values.add("");
    values.add("\u0000");
    values.add("\u007f");
    values.add("\u0080");
    values.add("\u07ff");
    values.add("\u0800");
    values.add("\ud83d\ude00"); // a surrogate pair
    values.add("\uffff");
    values.add("a\u0000b");
    values.add("€".repeat(21_845)); // 65,535 bytes: the longest short string
    values.add("€".repeat(21_846)); // 65,538 bytes: written in the long form
    values.add("a".repeat(70_000));
    String alphabet = "aAzZ09-_\u0000\u007f\u0080\u00e9\u07ff\u0800\u4e2d\ud83d\ude00\uffff";
    for (int i = 0; i < 200; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(6);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(s.toString());
      values.add(new String(s)); // equal, not the same instance
    }
    for (int i = 0; i < 40; i++) {
      byte[] bytes = new byte[12];
      random.nextBytes(bytes);
      values.add(new ObjectId(bytes));
    }
    values.add(new ObjectId(new byte[12]));
    // Kinds left to serialization, in keys of their own and beside the shortcut's kinds.
    values.addAll(List.of(7, -7, 7L, 9.5, -0.0, 0.0, true, false, Missing.getInstance(),
        UUID.fromString("0b7a3c2e-1111-4222-8333-944455556666"), Instant.ofEpochMilli(5),
        new de.bwaldvogel.mongo.bson.Document("a", 1), List.of("a", "b")));

    List<KeyValue> keys = new ArrayList<>(values.stream().map(KeyValue::new).toList());
    List<Object> small = values.stream().filter(v -> !(v instanceof String s) || s.length() < 10).toList();
    for (int i = 0; i < 40; i++) {
      keys.add(new KeyValue(Arrays.asList(small.get(random.nextInt(small.size())), small.get(i % 4))));
    }
    String same = "same";
    keys.add(new KeyValue(Arrays.asList(same, same))); // serialized as a string and a back-reference
    return keys;
  }
}
