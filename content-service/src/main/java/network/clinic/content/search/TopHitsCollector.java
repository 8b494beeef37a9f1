package network.clinic.content.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * The best {@code count} matches in the order (score desc, slug asc), optionally only those after
 * a cursor. Keeps {@code count} hits, counts nothing, and tells the scorer the lowest score that
 * can still enter, so Lucene may skip blocks of matches that cannot (block-max WAND / MaxScore).
 *
 * <p>Lucene's own top-k collectors break ties by doc id; ours breaks them by slug, so the order
 * does not depend on how segments happen to be merged. That alone would keep equal scores
 * competitive forever; but segments are sorted by slug (see {@link ArticleIndex}), so within a
 * segment doc id order is slug order, and once no later doc of the segment can win a tie against
 * the worst hit held, only strictly higher scores are asked for.
 */
final class TopHitsCollector implements CollectorManager<TopHitsCollector.PerSlice, List<TopHitsCollector.Ranked>> {

  /** A match: its score, its slug and its doc id in the whole index (-1 for a cursor position). */
  record Ranked(float score, BytesRef slug, int doc) {}

  /** Best first: higher score, then smaller slug. */
  static final Comparator<Ranked> ORDER =
      Comparator.comparing(Ranked::score, Comparator.reverseOrder()).thenComparing(Ranked::slug);

  private final String slugField;
  private final int count;
  private final Ranked after;

  /** @param after only matches that rank after this score and slug; null from the top */
  TopHitsCollector(String slugField, int count, Ranked after) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    this.slugField = slugField;
    this.count = count;
    this.after = after;
  }

  @Override
  public PerSlice newCollector() {
    return new PerSlice();
  }

  @Override
  public List<Ranked> reduce(Collection<PerSlice> slices) {
    List<Ranked> all = new ArrayList<>();
    slices.forEach(slice -> all.addAll(slice.queue));
    all.sort(ORDER);
    return all.size() > count ? List.copyOf(all.subList(0, count)) : all;
  }

  final class PerSlice implements Collector {

    /** The worst hit at the head: the one to compare with, and to drop. */
    private final PriorityQueue<Ranked> queue = new PriorityQueue<>(count + 1, ORDER.reversed());

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      return new Leaf(context.docBase, DocValues.getSorted(context.reader(), slugField));
    }

    private final class Leaf implements LeafCollector {

      private final int docBase;
      private final SortedDocValues slugs;
      /** The greatest ord of this segment whose slug is at or before the cursor's. */
      private final int afterLastOrd;
      private Scorable scorer;
      /** Only ever raised: a scorer may not be asked for lower scores again. */
      private float minCompetitive;
      /** Docs still ahead in this segment have at least this ord. */
      private int minOrdAhead;
      private Ranked worstSeen;
      /** From this ord on, docs of this segment lose a tie with {@link #worstSeen}. */
      private int worstFirstLosingOrd;

      Leaf(int docBase, SortedDocValues slugs) throws IOException {
        this.docBase = docBase;
        this.slugs = slugs;
        if (after == null) {
          this.afterLastOrd = -1;
        } else {
          int found = slugs.lookupTerm(after.slug());
          this.afterLastOrd = found >= 0 ? found : -found - 2;
        }
      }

      @Override
      public void setScorer(Scorable scorer) throws IOException {
        // Bulk scorers may hand over a scorer per window of docs of the same segment
        this.scorer = scorer;
        if (minCompetitive > 0) {
          scorer.setMinCompetitiveScore(minCompetitive);
        }
        raiseMinCompetitive();
      }

      @Override
      public void collect(int doc) throws IOException {
        float score = scorer.score();
        int ord = ord(doc);
        minOrdAhead = ord;
        if (after != null && (score > after.score() || (score == after.score() && ord <= afterLastOrd))) {
          return; // served on an earlier page
        }
        if (queue.size() == count) {
          Ranked worst = queue.peek();
          if (score < worst.score() || (score == worst.score() && ord >= firstLosingOrd(worst))) {
            raiseMinCompetitive();
            return;
          }
          queue.poll();
        }
        queue.add(new Ranked(score, BytesRef.deepCopyOf(slugs.lookupOrd(ord)), docBase + doc));
        raiseMinCompetitive();
      }

      /**
       * A score below the worst hit held can never enter. An equal one can only while a doc still
       * ahead in this segment may have a slug before the worst hit's.
       */
      private void raiseMinCompetitive() throws IOException {
        if (queue.size() < count) {
          return;
        }
        Ranked worst = queue.peek();
        float floor = minOrdAhead >= firstLosingOrd(worst) ? Math.nextUp(worst.score()) : worst.score();
        if (floor > minCompetitive) {
          minCompetitive = floor;
          scorer.setMinCompetitiveScore(floor);
        }
      }

      /** The first ord of this segment whose slug does not sort before {@code worst}'s. */
      private int firstLosingOrd(Ranked worst) throws IOException {
        if (worst != worstSeen) {
          int found = slugs.lookupTerm(worst.slug());
          worstFirstLosingOrd = found >= 0 ? found : -found - 1;
          worstSeen = worst;
        }
        return worstFirstLosingOrd;
      }

      private int ord(int doc) throws IOException {
        if (!slugs.advanceExact(doc)) {
          throw new IllegalStateException("an indexed article without a slug");
        }
        return slugs.ordValue();
      }
    }
  }
}
