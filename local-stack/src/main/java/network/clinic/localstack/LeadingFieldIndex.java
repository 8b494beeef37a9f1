package network.clinic.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index (single-field or compound) for mongo-java-server, kept in memory and keyed
 * by the value of its leading field, so that queries on that field examine the documents holding
 * the value instead of the whole collection.
 *
 * <p>Why it exists: the library ignores non-unique indexes ("not yet implemented"), so every query
 * outside a unique index scans and deserializes the collection under its lock. Ours need a few
 * that MongoDB answers from such indexes: the outbox relay's search for pending documents (a
 * sparse index on a field only pending documents carry), the per-patient upcoming count and the
 * notification dispatcher's due messages (both by their leading field). With 100,000 documents
 * one such scan took seconds and held up every other request to the collection.
 *
 * <p>Like {@link EqualityLookupIndex} it only narrows: the library hands the positions to the same
 * matcher a scan uses, so the whole query still applies to each candidate. It serves a condition
 * on the leading field that can only match documents holding a value there: one plain value
 * ({@code $eq}, a one-element {@code $in}), a range ({@code $lt}, {@code $lte}, {@code $gt},
 * {@code $gte} with plain bounds) or {@code $exists: true}. Documents whose value is an array, an
 * embedded document or another type the matcher compares in its own way are candidates for every
 * served query. Without a sort, results come in the index's order, not storage order (MongoDB
 * promises neither).
 *
 * <p>Memory only: after a restart the library finds the index empty and fills it from the
 * collection, one scan per index at open.
 */
final class LeadingFieldIndex<P> extends Index<P> {

  private static final Object NULL = new Object();
  private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");

  private final String field;
  /** Position of every indexed document by its {@code _id}, also those without the field. */
  private final Map<Object, P> positions = new HashMap<>();
  private final Map<Object, Set<P>> byValue = new HashMap<>();
  /** Values the buckets cannot represent: candidates for every query. */
  private final Set<P> unkeyed = new LinkedHashSet<>();

  private LeadingFieldIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.field = keys.get(0).getKey();
  }

  /** An index for these keys, or null when the leading key is a path this class does not follow. */
  static <P> Index<P> forKeys(String name, List<IndexKey> keys, boolean sparse) {
    return keys.get(0).getKey().contains(".") ? null : new LeadingFieldIndex<>(name, keys, sparse);
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return candidateKeys(query) != null;
  }

  @Override
  public synchronized Iterable<P> getPositions(Document query) {
    Collection<Object> keys = candidateKeys(query);
    List<P> found = new ArrayList<>();
    if (keys == null) {
      return found; // not asked by the library: canHandle said no
    }
    for (Object key : keys) {
      found.addAll(byValue.getOrDefault(key, Set.of()));
    }
    found.addAll(unkeyed);
    return found;
  }

  /** The bucket keys a query's condition on the field can match, or null when it is not served. */
  private Collection<Object> candidateKeys(Document query) {
    return QueryConditions.onField(query, field, this::keysFor);
  }

  private Collection<Object> keysFor(Object condition) {
    if (!(condition instanceof Document operators)) {
      Object key = keyOf(condition);
      return key == null || key == NULL ? null : List.of(key);
    }
    if (!QueryConditions.isOperators(operators)) {
      return null; // an embedded document compared as a whole
    }
    if (operators.size() == 1 && operators.containsKey("$eq")) {
      return keysFor(operators.get("$eq"));
    }
    if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> values && values.size() == 1) {
      return keysFor(values.iterator().next());
    }
    if (operators.size() == 1 && Boolean.TRUE.equals(operators.get("$exists"))) {
      return byValue.keySet();
    }
    boolean rangeOnPlainBounds = operators.entrySet().stream().allMatch(entry ->
        RANGE_OPERATORS.contains(entry.getKey()) && keyOf(entry.getValue()) instanceof Object key && key != NULL);
    if (rangeOnPlainBounds) {
      List<Object> keys = new ArrayList<>(byValue.keySet());
      keys.remove(NULL); // a range never matches null
      return keys;
    }
    return null;
  }

  /**
   * The bucket for a value: plain values by (number-normalised) equality, as the matcher compares
   * them; {@link #NULL} for null; null when the value is of a kind kept among the unkeyed.
   */
  private static Object keyOf(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double number) {
      boolean whole = number == Math.rint(number) && Math.abs(number) < 0x1p53;
      return whole ? (Object) number.longValue() : number;
    }
    return QueryConditions.isPlain(value) ? value : null;
  }

  private static Object idOf(Document document) {
    return document.get("_id");
  }

  @Override
  public synchronized void add(Document document, P position, MongoCollection<P> collection) {
    positions.put(idOf(document), position);
    file(document, position);
  }

  @Override
  public synchronized P remove(Document document) {
    P position = positions.remove(idOf(document));
    if (position != null) {
      unfile(document, position);
    }
    return position;
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
      MongoCollection<P> collection) {
    unfile(oldDocument, position);
    positions.put(idOf(newDocument), position);
    file(newDocument, position);
  }

  private void file(Document document, P position) {
    if (!document.containsKey(field)) {
      return; // missing: no served condition matches it
    }
    Object key = keyOf(document.get(field));
    if (key == null) {
      unkeyed.add(position);
    } else {
      byValue.computeIfAbsent(key, any -> new LinkedHashSet<>()).add(position);
    }
  }

  private void unfile(Document document, P position) {
    if (!document.containsKey(field)) {
      return;
    }
    Object key = keyOf(document.get(field));
    if (key == null) {
      unkeyed.remove(position);
      return;
    }
    Set<P> bucket = byValue.get(key);
    if (bucket != null && bucket.remove(position) && bucket.isEmpty()) {
      byValue.remove(key);
    }
  }

  @Override
  public synchronized P getPosition(Document document) {
    return positions.get(idOf(document));
  }

  @Override
  public void checkAdd(Document document, MongoCollection<P> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public synchronized long getCount() {
    return positions.size();
  }

  @Override
  public synchronized boolean isEmpty() {
    return positions.isEmpty();
  }

  @Override
  public long getDataSize() {
    return 0; // held in memory, nothing stored
  }

  @Override
  public synchronized void drop() {
    positions.clear();
    byValue.clear();
    unkeyed.clear();
  }
}
