package network.clinic.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;

/**
 * A unique single-field index (above all the {@code _id} index) of mongo-java-server that also
 * serves queries pinning its field to one value next to further conditions, e.g.
 * {@code {_id: x, sequence: n}} or {@code {$and: [{_id: x}, {leaseUntil: {$lt: now}}]}}.
 *
 * <p>Why it exists: the library uses an index only when a query's fields are exactly the index's
 * fields, and scans the whole collection otherwise (deserializing every document on H2), while
 * real MongoDB's planner answers such a query from the index. Our services issue them constantly:
 * conditional updates, lease claims, token checks. The library passes an index's positions to the
 * same matcher a scan uses, so handing it the one document whose field equals the value still
 * applies the whole query: the result is the scan's, without the scan.
 *
 * <p>Only values whose equality the matcher and the index agree on are looked up. A {@code $in}
 * with several values is left to the library: a scan returns documents in storage order, which a
 * lookup could not reproduce.
 */
final class EqualityLookupIndex<P> extends Index<P> {

  private final Index<P> index;
  private final String field;

  private EqualityLookupIndex(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.index = index;
    this.field = keys.get(0).getKey();
  }

  /** Wraps a unique index the library just opened, when it is one this class can serve. */
  static <P> Index<P> around(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
    boolean singleTopLevelField = keys.size() == 1 && !keys.get(0).getKey().contains(".");
    return index.isUnique() && singleTopLevelField
        ? new EqualityLookupIndex<>(index, name, keys, sparse)
        : index;
  }

  @Override
  public boolean canHandle(Document query) {
    return index.canHandle(query) || lookupValue(query) != null;
  }

  @Override
  public Iterable<P> getPositions(Document query) {
    if (index.canHandle(query)) {
      return index.getPositions(query);
    }
    return index.getPositions(new Document(field, lookupValue(query)));
  }

  /** The value the query requires the field to equal, or null when it requires no single one. */
  private Object lookupValue(Document query) {
    return QueryConditions.onField(query, field, EqualityLookupIndex::equalityValue);
  }

  private static Object equalityValue(Object condition) {
    if (!(condition instanceof Document operators)) {
      return plain(condition);
    }
    if (!QueryConditions.isOperators(operators)) {
      return null; // left to the library
    }
    if (operators.containsKey("$eq")) {
      return plain(operators.get("$eq"));
    }
    if (operators.get("$in") instanceof Collection<?> values && values.size() == 1) {
      return plain(values.iterator().next());
    }
    return null;
  }

  private static Object plain(Object value) {
    return QueryConditions.isPlain(value) ? value : null;
  }

  // Everything else is the library's index, unchanged.

  @Override
  public P getPosition(Document document) {
    return index.getPosition(document);
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    index.checkAdd(document, collection);
  }

  @Override
  public void add(Document document, P position, MongoCollection<P> collection) {
    index.add(document, position, collection);
  }

  @Override
  public P remove(Document document) {
    return index.remove(document);
  }

  @Override
  public long getCount() {
    return index.getCount();
  }

  @Override
  public boolean isEmpty() {
    return index.isEmpty();
  }

  @Override
  public long getDataSize() {
    return index.getDataSize();
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    index.checkUpdate(oldDocument, newDocument, collection);
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, P position,
      MongoCollection<P> collection) throws KeyConstraintError {
    index.updateInPlace(oldDocument, newDocument, position, collection);
  }

  @Override
  public void drop() {
    index.drop();
  }

  @Override
  public boolean isUnique() {
    return index.isUnique();
  }

  @Override
  public Document toIndexDescription() {
    return index.toIndexDescription();
  }

  @Override
  public String toString() {
    return index.toString();
  }
}
