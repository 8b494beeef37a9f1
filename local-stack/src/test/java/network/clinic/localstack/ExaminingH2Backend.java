package network.clinic.localstack;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An in-memory H2 backend whose collections count every document their query matcher examines,
 * whether an index found it or a scan passed over it. With {@code ourIndexes} its indexes are
 * those {@link IndexedH2Backend} opens; without, the unmodified library's.
 */
final class ExaminingH2Backend extends H2Backend {

  private final LongAdder examined = new LongAdder();
  private final boolean ourIndexes;

  ExaminingH2Backend(boolean ourIndexes) {
    super(MVStore.open(null)); // empty: no database is opened before the fields are set
    this.ourIndexes = ourIndexes;
  }

  LongAdder examined() {
    return examined;
  }

  @Override
  protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
    return new ExaminingDatabase(databaseName, getMvStore(), getCursorRegistry(), this);
  }

  private static final class ExaminingDatabase extends H2Database {

    private final MVStore store;
    private final ExaminingH2Backend backend;

    ExaminingDatabase(String name, MVStore store, CursorRegistry cursors, ExaminingH2Backend backend) {
      super(name, store, cursors);
      this.store = store;
      this.backend = backend;
    }

    @Override
    protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      if (store == null) {
        // The library's own system collections, opened while H2Database is being constructed.
        return super.openOrCreateCollection(collectionName, options);
      }
      String namespace = "examined." + getFullCollectionNamespace(collectionName);
      MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(namespace + ".data");
      MVMap<String, Object> meta = store.openMap(namespace + ".meta");
      return new H2Collection(this, collectionName, options, data, meta, cursorRegistry) {
        @Override
        protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
            de.bwaldvogel.mongo.bson.Document query) {
          backend.examined.increment();
          return super.documentMatchesQuery(document, query);
        }
      };
    }

    // backend is null while H2Database's constructor opens the library's system collections.
    private boolean ourIndexes() {
      return backend != null && backend.ourIndexes;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
        List<IndexKey> keys, boolean sparse) {
      Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
      return ourIndexes() ? EqualityLookupIndex.around(index, indexName, keys, sparse) : index;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
        List<IndexKey> keys, boolean sparse) {
      Index<Object> index = ourIndexes() ? LeadingFieldIndex.forKeys(indexName, keys, sparse) : null;
      return index != null ? index : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    }
  }
}
