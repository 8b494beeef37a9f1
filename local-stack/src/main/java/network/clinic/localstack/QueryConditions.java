package network.clinic.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

/** How our wire-server indexes read a query's condition on their field. */
final class QueryConditions {

  private QueryConditions() {}

  /**
   * The first non-null reading of the query's condition on the field, looking into {@code $and}
   * clauses too (the driver's Filters.and always renders {@code {$and: [...]}}, and any clause
   * narrows the result); null when no condition on the field can be read.
   */
  static <T> T onField(Document query, String field, Function<Object, T> reading) {
    if (query.containsKey(field)) {
      T read = reading.apply(query.get(field));
      if (read != null) {
        return read;
      }
    }
    if (query.get("$and") instanceof Collection<?> clauses) {
      for (Object clause : clauses) {
        if (clause instanceof Document document) {
          T read = onField(document, field, reading);
          if (read != null) {
            return read;
          }
        }
      }
    }
    return null;
  }

  /** {@code {$op: ...}}; any other document is an embedded document compared as a whole. */
  static boolean isOperators(Document condition) {
    return !condition.isEmpty() && condition.keySet().stream().allMatch(key -> key.startsWith("$"));
  }

  /**
   * Types the matcher compares by plain (number-normalised) equality, as the indexes do. Regular
   * expressions, arrays, documents and null mean more than equality.
   */
  static boolean isPlain(Object value) {
    return value instanceof String || value instanceof Integer || value instanceof Long
        || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
        || value instanceof UUID || value instanceof Instant;
  }
}
