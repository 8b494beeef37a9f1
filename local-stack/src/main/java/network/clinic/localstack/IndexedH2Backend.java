package network.clinic.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with indexes closer to real MongoDB's: unique single-field indexes
 * also answer queries that pin the field to one value among other conditions (see
 * {@link EqualityLookupIndex}), and non-unique indexes, which the library ignores, exist and
 * answer conditions on their leading field (see {@link LeadingFieldIndex}), and unique index keys
 * are compared without serializing them (see {@link UniqueIndexKeyType}). Storage is the library's
 * own: files written by either read alike.
 */
final class IndexedH2Backend extends H2Backend {

  IndexedH2Backend(String fileName) {
    super(fileName);
  }

  IndexedH2Backend(MVStore store) {
    super(store);
  }

  // Runs during H2Backend's constructor too (for databases already in the file): no fields here.
  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName, getMvStore(), getCursorRegistry());
  }

  /**
   * Inner, not nested: H2Database's constructor opens the indexes of existing collections before a
   * subclass could keep the store in a field, and the enclosing backend already has it.
   */
  private final class Database extends H2Database {

    Database(String databaseName, MVStore store, CursorRegistry cursors) {
      super(databaseName, store, cursors);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
        List<IndexKey> keys, boolean sparse) {
      UniqueIndexKeyType.openMap(getMvStore(), uniqueIndexMapName(collectionName, indexName));
      Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
      return EqualityLookupIndex.around(index, indexName, keys, sparse);
    }

    /** The library's name for the map (its method is private); a test checks the two agree. */
    private String uniqueIndexMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
        List<IndexKey> keys, boolean sparse) {
      Index<Object> index = LeadingFieldIndex.forKeys(indexName, keys, sparse);
      return index != null ? index : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    }
  }
}
