package network.clinic.content.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import network.clinic.content.article.ArticleSearch.InvalidRanking;
import network.clinic.content.article.Slugs;
import network.clinic.content.search.TopHitsCollector.Ranked;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;

/**
 * The statistics a search's first page was scored with, carried in its cursor so that later pages
 * score every unchanged article exactly as the first page did.
 *
 * <p>A BM25 score depends on the collection as well as the article: how many articles have the
 * field and their total length, how many contain the word. Those move whenever an article is
 * published, updated (the old document counts until a merge drops it) or merged away, and differ
 * between instances. A relevance cursor holds a score, so a page scored with other statistics
 * than the page before may rank an article that was already served after the cursor (served
 * twice) or one not yet served before it (never served). Pinned, only articles that changed
 * themselves can move.
 *
 * <p>Also pinned: where the phrase window ended (the last of the best {@value
 * ArticleIndex#PHRASE_WINDOW} by word score on the first page). Later pages give the bonus to
 * every match ranking up to that point by word score, so an article that earned the bonus keeps it
 * when new articles crowd into the top 100.
 *
 * <p>Size: per query word (at most 16) and field, two numbers, only where the word occurs; about
 * 100 bytes for a two-word query.
 */
final class PinnedRanking {

  private static final int FORMAT = 1;
  /** Far above what a 16-word query's statistics take (about 1 KB at most). */
  static final int MAX_ENCODED_LENGTH = 2_000;

  /** For each field, the statistics of the index as the first page saw them; absent: no article had the field. */
  private final Map<String, CollectionStatistics> fields;
  /** For each word and field, likewise; absent: no article had the word in that field. */
  private final Map<Term, TermStatistics> terms;
  /** Null when not known yet (single-word queries need none). */
  private final Ranked windowEnd;

  private PinnedRanking(Map<String, CollectionStatistics> fields, Map<Term, TermStatistics> terms, Ranked windowEnd) {
    this.fields = fields;
    this.terms = terms;
    this.windowEnd = windowEnd;
  }

  /** What {@code searcher} would score the words with in those fields now. */
  static PinnedRanking record(IndexSearcher searcher, List<String> fieldNames, List<String> words) throws IOException {
    Map<String, CollectionStatistics> fields = new HashMap<>();
    Map<Term, TermStatistics> terms = new HashMap<>();
    for (String field : fieldNames) {
      CollectionStatistics statistics = searcher.collectionStatistics(field);
      if (statistics == null) {
        continue;
      }
      fields.put(field, statistics);
      for (String word : words) {
        Term term = new Term(field, word);
        // As TermQuery and PhraseQuery gather them, deleted-but-not-merged documents included
        TermStates states = TermStates.build(searcher, term, true);
        if (states.docFreq() > 0) {
          terms.put(term, searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
        }
      }
    }
    return new PinnedRanking(fields, terms, null);
  }

  Ranked windowEnd() {
    return windowEnd;
  }

  PinnedRanking withWindowEnd(Ranked end) {
    return new PinnedRanking(fields, terms, end == null ? null : new Ranked(end.score(), end.slug(), -1));
  }

  /** A searcher over {@code reader} that scores with these statistics. */
  IndexSearcher searcher(IndexReader reader) {
    return new IndexSearcher(reader) {
      @Override
      public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics pinned = fields.get(field);
        return pinned != null ? pinned : super.collectionStatistics(field);
      }

      @Override
      public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        TermStatistics pinned = terms.get(term);
        if (pinned != null) {
          return pinned;
        }
        if (!fields.containsKey(term.field())) {
          return super.termStatistics(term, docFreq, totalTermFreq);
        }
        // No article had this word in this field on the first page, so only articles written since
        // match it here. A fixed figure (a rare word) scores them alike on every page, where the
        // live one would move them
        return new TermStatistics(term.bytes(), 1, 1);
      }
    };
  }

  /** Base64url. {@code fieldNames} and {@code words} must be in the same order as when decoded. */
  String encode(List<String> fieldNames, List<String> words) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(fingerprint(words));
      int fieldMask = 0;
      for (int f = 0; f < fieldNames.size(); f++) {
        fieldMask |= fields.containsKey(fieldNames.get(f)) ? 1 << f : 0;
      }
      out.writeByte(fieldMask);
      for (String field : fieldNames) {
        CollectionStatistics statistics = fields.get(field);
        if (statistics != null) {
          writeNumber(out, statistics.maxDoc());
          writeNumber(out, statistics.docCount());
          writeNumber(out, statistics.sumDocFreq());
          writeNumber(out, statistics.sumTotalTermFreq());
        }
      }
      for (String word : words) {
        int termMask = 0;
        for (int f = 0; f < fieldNames.size(); f++) {
          termMask |= terms.containsKey(new Term(fieldNames.get(f), word)) ? 1 << f : 0;
        }
        out.writeByte(termMask);
        for (String field : fieldNames) {
          TermStatistics statistics = terms.get(new Term(field, word));
          if (statistics != null) {
            writeNumber(out, statistics.docFreq());
            writeNumber(out, statistics.totalTermFreq());
          }
        }
      }
      out.writeBoolean(windowEnd != null);
      if (windowEnd != null) {
        out.writeFloat(windowEnd.score());
        out.writeUTF(windowEnd.slug().utf8ToString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /**
   * What {@link #encode} wrote for the same words. Anything else, including figures that no index
   * could have (a word in more articles than its field), is refused: they are scored with, so a
   * tampered cursor must not reach Lucene.
   *
   * @throws InvalidRanking when it does not decode, or was written for other words
   */
  static PinnedRanking decode(String encoded, List<String> fieldNames, List<String> words) {
    if (encoded.length() > MAX_ENCODED_LENGTH) {
      throw new InvalidRanking();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded)))) {
      if (in.readUnsignedByte() != FORMAT || in.readInt() != fingerprint(words)) {
        throw new InvalidRanking();
      }
      int fieldMask = in.readUnsignedByte();
      Map<String, CollectionStatistics> fields = new HashMap<>();
      for (int f = 0; f < fieldNames.size(); f++) {
        if ((fieldMask & 1 << f) != 0) {
          long maxDoc = readNumber(in);
          long docCount = readNumber(in);
          long sumDocFreq = readNumber(in);
          long sumTotalTermFreq = readNumber(in);
          // The record validates itself: at least one article, totals no smaller than counts
          fields.put(fieldNames.get(f), new CollectionStatistics(fieldNames.get(f), maxDoc, docCount, sumTotalTermFreq, sumDocFreq));
        }
      }
      if (fieldMask >>> fieldNames.size() != 0) {
        throw new InvalidRanking();
      }
      Map<Term, TermStatistics> terms = new HashMap<>();
      for (String word : words) {
        int termMask = in.readUnsignedByte();
        for (int f = 0; f < fieldNames.size(); f++) {
          if ((termMask & 1 << f) == 0) {
            continue;
          }
          CollectionStatistics field = fields.get(fieldNames.get(f));
          Term term = new Term(fieldNames.get(f), word);
          TermStatistics statistics = new TermStatistics(term.bytes(), readNumber(in), readNumber(in));
          if (field == null || statistics.docFreq() > field.docCount() || statistics.totalTermFreq() > field.sumTotalTermFreq()) {
            throw new InvalidRanking();
          }
          terms.put(term, statistics);
        }
        if (termMask >>> fieldNames.size() != 0) {
          throw new InvalidRanking();
        }
      }
      Ranked windowEnd = null;
      if (in.readBoolean()) {
        float score = in.readFloat();
        String slug = in.readUTF();
        if (!Float.isFinite(score) || score < 0 || !Slugs.isValidSlug(slug)) {
          throw new InvalidRanking();
        }
        windowEnd = new Ranked(score, new BytesRef(slug), -1);
      }
      if (in.read() != -1) {
        throw new InvalidRanking();
      }
      return new PinnedRanking(fields, terms, windowEnd);
    } catch (IOException | IllegalArgumentException e) {
      // Truncated, not base64url, or statistics the records refuse (IllegalArgumentException)
      throw new InvalidRanking();
    }
  }

  /** Ties the statistics to the words they were gathered for: a cursor of another query is refused. */
  private static int fingerprint(List<String> words) {
    CRC32 crc = new CRC32();
    crc.update(String.join("\u0000", words).getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /** Unsigned LEB128: statistics are mostly small. */
  private static void writeNumber(DataOutputStream out, long value) throws IOException {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  private static long readNumber(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new InvalidRanking();
  }
}
