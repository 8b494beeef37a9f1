package network.clinic.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Arrays;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 key type of the wire server's unique indexes: exactly the library's (H2's
 * {@link ObjectDataType}: same bytes on disk, same order), but common keys are compared without
 * being serialized.
 *
 * <p>Why it exists: mongo-java-server keys a unique index by its {@link KeyValue}, which is not
 * {@code Comparable}, so H2 orders keys by their Java serialization and serializes both keys at
 * every step of every B-tree search. An availability request looks up thousands of claim cells;
 * profiled during the benchmark, 77–84 % of the wire server's CPU went to those serializations.
 *
 * <p>Keys of one string, one {@code ObjectId} or one null, which are all the unique keys our
 * services write ({@code _id}s, claim cells, slugs), are compared as their serialized bytes would
 * compare: those bytes differ only in the value's tag ({@code null} &lt; object &lt; string), then
 * in a string's modified-UTF-8 length and bytes or an {@code ObjectId}'s twelve bytes. Any other
 * pair is serialized and compared as before. So the order is the library's and files written by
 * either read alike.
 */
final class UniqueIndexKeyType extends ObjectDataType {

  /** A comparison the shortcut leaves to serialization. */
  private static final int UNDECIDED = Integer.MIN_VALUE;
  /** The longest string Java serialization writes in its short form (a two-byte length). */
  private static final int SHORT_STRING_BYTES = 0xFFFF;

  /**
   * Opens the unique index map {@code name} with this key type. It must run before the library
   * opens the map: the store hands the library the map already open.
   */
  static void openMap(MVStore store, String name) {
    store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeyType()));
  }

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue x && b instanceof KeyValue y && x.size() == 1 && y.size() == 1) {
      int order = compareSingleValues(x.get(0), y.get(0));
      if (order != UNDECIDED) {
        return order;
      }
    }
    return super.compare(a, b);
  }

  private static int compareSingleValues(Object a, Object b) {
    int tagA = tag(a);
    int tagB = tag(b);
    if (tagA == UNDECIDED || tagB == UNDECIDED) {
      return UNDECIDED;
    }
    if (tagA != tagB) {
      return Integer.compare(tagA, tagB);
    }
    if (a instanceof String s && b instanceof String t) {
      return compareStrings(s, t);
    }
    if (a instanceof ObjectId o && b instanceof ObjectId p) {
      byte[] bytesA = o.toByteArray();
      byte[] bytesB = p.toByteArray();
      // Serialization writes an array's length before its bytes; ObjectIds all have twelve.
      return bytesA.length == bytesB.length ? Integer.signum(Arrays.compareUnsigned(bytesA, bytesB)) : UNDECIDED;
    }
    return 0; // both null
  }

  /** The first byte Java serialization writes for the value, for the kinds compared here. */
  private static int tag(Object value) {
    if (value == null) {
      return 0x70; // TC_NULL
    }
    if (value.getClass() == ObjectId.class) {
      return 0x73; // TC_OBJECT
    }
    if (value instanceof String) {
      return 0x74; // TC_STRING; longer strings are TC_LONGSTRING, caught by compareStrings
    }
    return UNDECIDED;
  }

  /**
   * As serialization writes them: the modified-UTF-8 length first, then the bytes. The chars
   * before the first difference add the same to both lengths, so only the rest is measured: keys
   * side by side in an index share most of their chars (claim cells of one practitioner).
   */
  private static int compareStrings(String a, String b) {
    // Up to a third of the limit in chars a string is short whatever its chars; longer ones are measured.
    int certainlyShort = SHORT_STRING_BYTES / 3;
    if ((a.length() > certainlyShort || b.length() > certainlyShort)
        && (modifiedUtf8Length(a, 0) > SHORT_STRING_BYTES || modifiedUtf8Length(b, 0) > SHORT_STRING_BYTES)) {
      return UNDECIDED;
    }
    int common = Math.min(a.length(), b.length());
    int first = 0;
    while (first < common && a.charAt(first) == b.charAt(first)) {
      first++;
    }
    int restA = modifiedUtf8Length(a, first);
    int restB = modifiedUtf8Length(b, first);
    if (restA != restB) {
      return Integer.compare(restA, restB);
    }
    // Equal lengths: either the same string, or the first differing char decides.
    return first == common ? 0 : Integer.compare(byteOrderRank(a.charAt(first)), byteOrderRank(b.charAt(first)));
  }

  private static int modifiedUtf8Length(String s, int from) {
    int length = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
    }
    return length;
  }

  /**
   * Where a char's modified-UTF-8 encoding sorts among the others. The encodings keep the chars'
   * order except U+0000, written as two bytes {@code C0 80}: after U+007F, before U+0080.
   */
  private static int byteOrderRank(char c) {
    return c == 0 ? 0x7F * 2 + 1 : c * 2;
  }
}
