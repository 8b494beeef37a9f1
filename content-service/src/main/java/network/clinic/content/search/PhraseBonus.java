package network.clinic.content.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import network.clinic.content.search.TopHitsCollector.Ranked;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Adds a second query's score to hits already found, checking those documents only.
 *
 * <p>Not Lucene's QueryRescorer: it moves a phrase scorer with {@code advance}, which for a
 * document without the phrase goes on checking word positions in the following documents until
 * it finds one that has it, so a window of hits without the phrase costs a walk through the whole
 * index. Here each hit's positions are checked on that hit alone.
 */
final class PhraseBonus {

  private PhraseBonus() {}

  /** The hits with their scores raised by {@code bonus} where it matches, in doc id order. */
  static List<Ranked> add(IndexSearcher searcher, Query bonus, List<Ranked> hits) throws IOException {
    List<Ranked> byDoc = new ArrayList<>(hits);
    byDoc.sort(Comparator.comparingInt(Ranked::doc));
    Weight weight = searcher.createWeight(searcher.rewrite(bonus), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Ranked> raised = new ArrayList<>(byDoc.size());
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    DocIdSetIterator candidates = null;
    TwoPhaseIterator positions = null;
    for (Ranked hit : byDoc) {
      if (leaf == null || hit.doc() >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(hit.doc(), leaves));
        scorer = weight.scorer(leaf);
        positions = scorer == null ? null : scorer.twoPhaseIterator();
        candidates = scorer == null ? null : positions == null ? scorer.iterator() : positions.approximation();
      }
      int doc = hit.doc() - leaf.docBase;
      if (candidates != null && candidates.docID() < doc) {
        candidates.advance(doc);
      }
      boolean matches = candidates != null && candidates.docID() == doc && (positions == null || positions.matches());
      raised.add(matches ? new Ranked(hit.score() + scorer.score(), hit.slug(), hit.doc()) : hit);
    }
    return raised;
  }
}
