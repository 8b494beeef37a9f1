package network.clinic.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch;
import network.clinic.content.article.FaqEntry;
import network.clinic.content.rendering.MarkdownRenderer;
import network.clinic.content.search.TopHitsCollector.Ranked;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lucene index of the published articles, in memory or in a directory ({@link IndexStorage}).
 * English stemming ("needles" and "needle" meet at one stem), BM25 ranking, each word scored by
 * its best field with a title match weighing three times a body match, and a bonus when the words
 * stand together as a phrase, given to the best {@value #PHRASE_WINDOW} word matches. Filters
 * (tag, clinic, treatment) are exact terms.
 *
 * <p>A page costs about its size rather than the number of matches: nothing counts the matches,
 * only the page (plus the phrase window) is collected (see {@link TopHitsCollector}, which needs
 * the segments sorted by slug), word positions are read for the window only, and stored fields for
 * the page only.
 *
 * <p>Pages after the first score with the first page's collection statistics and phrase window,
 * carried in the cursor ({@link PinnedRanking}): otherwise articles published between pages would
 * move every score and the cursor's score would stop marking the same place.
 *
 * <p>Thread-safe: writes go through one IndexWriter, reads through a SearcherManager refreshed
 * after every change, so a search sees a consistent snapshot. In a directory, every change is
 * also committed, and each document carries its article's version, so a restart knows what it
 * holds without reading MongoDB's articles.
 */
class ArticleIndex implements ArticleSearch, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

  /**
   * Written into every commit. Change it whenever what a document holds or how it is analysed or
   * sorted changes: an index on disk written another way is then built again rather than mixed.
   */
  static final String SCHEMA = "1";

  /** Indexed with every clinic's own article next to its clinic id; network-wide articles have neither. */
  static final String ANY_CLINIC = "_any";

  private static final String ID = "id";
  private static final String VERSION = "version";
  private static final String SLUG = "slug";
  private static final String TITLE = "title";
  private static final String SUMMARY = "summary";
  private static final String BODY = "body";
  private static final String FAQ = "faq";
  private static final String TAG_WORDS = "tagWords";
  private static final String TAG = "tag";
  private static final String TREATMENT = "treatment";
  private static final String CLINIC = "clinic";

  /** Field weights: where a word appears says how much the article is about it. */
  private static final Map<String, Float> WEIGHTS =
      Map.of(TITLE, 3.0f, TAG_WORDS, 2.0f, SUMMARY, 1.5f, FAQ, 1.0f, BODY, 1.0f);
  /** The scored fields in a fixed order (a Map.of's order differs between JVMs): cursors cross instances. */
  private static final List<String> FIELDS = WEIGHTS.keySet().stream().sorted().toList();

  private static final float PHRASE_BONUS = 2.0f;
  /** How many of the best word matches the phrase bonus may reorder. */
  static final int PHRASE_WINDOW = 100;
  private static final float TIE_BREAKER = 0.3f;
  private static final int MAX_QUERY_TERMS = 16;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final MarkdownRenderer renderer;
  private final IndexStorage storage;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** id → version of what is indexed: lets a resync touch only what changed. */
  private final Map<String, Long> indexed;

  /** In memory. */
  ArticleIndex(MarkdownRenderer renderer) {
    this(renderer, null);
  }

  /**
   * @param directory where the index is kept across restarts; null keeps it in memory
   * @throws IllegalStateException when another process uses the directory
   */
  ArticleIndex(MarkdownRenderer renderer, Path directory) {
    this.renderer = renderer;
    try {
      this.storage = directory == null ? IndexStorage.inMemory() : IndexStorage.inDirectory(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      IndexStorage.Opened<Map<String, Long>> opened =
          storage.open(this::writerConfig, SCHEMA, ArticleIndex::versions, new HashMap<>());
      this.writer = opened.writer();
      this.indexed = opened.contents();
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException | RuntimeException e) {
      // Releases the directory: a failed start must not keep it locked
      closeQuietly(storage, e);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    if (directory != null) {
      log.info("Search index in {} holds {} articles", storage, indexed.size());
    }
  }

  private IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(analyzer).setIndexSort(new Sort(new SortField(SLUG, SortField.Type.STRING)));
  }

  /** id → version of every document an index holds. */
  private static Map<String, Long> versions(DirectoryReader reader) throws IOException {
    Map<String, Long> versions = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      Bits live = segment.getLiveDocs();
      StoredFields stored = segment.storedFields();
      NumericDocValues version = DocValues.getNumeric(segment, VERSION);
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (!version.advanceExact(doc)) {
          throw new IllegalStateException("an indexed article without a version");
        }
        versions.put(stored.document(doc, Set.of(ID)).get(ID), version.longValue());
      }
    }
    return versions;
  }

  /** Indexes a published article, or removes one that is no longer published. */
  void apply(Article article) {
    update(List.of(article), List.of());
  }

  void remove(String articleId) {
    update(List.of(), List.of(articleId));
  }

  /**
   * Applies a batch and makes it visible to searches once (a resync may touch many articles); in a
   * directory, also commits it, so a restart finds it.
   */
  synchronized void update(Collection<Article> changed, Collection<String> removed) {
    write(changed, removed);
    publish();
  }

  /**
   * Applies a batch that searches see only after {@link #publish()}. For a build that nobody
   * searches yet: every publish writes a small segment (which merges later write again) and, in a
   * directory, waits for the disk.
   */
  synchronized void write(Collection<Article> changed, Collection<String> removed) {
    try {
      for (Article article : changed) {
        Long current = indexed.get(article.id());
        if (current != null && article.version() != null && current > article.version()) {
          continue; // an older read of the article than what we hold
        }
        if (article.isPublished()) {
          long version = article.version() == null ? 0L : article.version();
          writer.updateDocument(new Term(ID, article.id()), document(article, version));
          indexed.put(article.id(), version);
        } else {
          writer.deleteDocuments(new Term(ID, article.id()));
          indexed.remove(article.id());
        }
      }
      for (String articleId : removed) {
        writer.deleteDocuments(new Term(ID, articleId));
        indexed.remove(articleId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes everything written so far searchable and, in a directory, committed. */
  synchronized void publish() {
    try {
      searchers.maybeRefreshBlocking();
      storage.commit(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized Map<String, Long> indexedVersions() {
    return Map.copyOf(indexed);
  }

  synchronized int size() {
    return indexed.size();
  }

  @Override
  public Page page(String text, ArticleFilter filter, After after, int count) {
    QueryWords words = analyze(text);
    if (words.terms().isEmpty()) {
      return new Page(List.of(), null);
    }
    List<String> distinct = words.terms().stream().distinct().toList();
    // Decoded before anything is searched: a cursor of another query, or a tampered one, is refused
    PinnedRanking pinned = after == null || after.ranking() == null ? null : PinnedRanking.decode(after.ranking(), FIELDS, distinct);
    Query matches = filtered(wordsQuery(distinct), filter);
    Query phrase = phraseQuery(words);
    Ranked position = after == null ? null : new Ranked(after.score(), new BytesRef(after.slug()), -1);
    try {
      IndexSearcher current = searchers.acquire();
      try {
        // A first page scores with the statistics of now, and later pages with the same ones
        IndexSearcher searcher = pinned != null ? pinned.searcher(current.getIndexReader()) : current;
        List<Ranked> ranked;
        Ranked windowEnd = pinned != null ? pinned.windowEnd() : null;
        if (phrase == null) {
          ranked = top(searcher, matches, position, count);
        } else {
          PhrasePage page = withPhraseBonus(searcher, matches, phrase, windowEnd, position, count);
          ranked = page.hits();
          windowEnd = page.windowEnd();
        }
        // Stored fields of the page only
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(ranked.size());
        for (Ranked hit : ranked) {
          hits.add(new Hit(stored.document(hit.doc()).get(ID), hit.slug().utf8ToString(), hit.score()));
        }
        String ranking;
        if (pinned != null) {
          ranking = after.ranking();
        } else if (ranked.size() < count) {
          // No page follows, so there is nothing to score alike: most searches end here
          ranking = null;
        } else {
          ranking = PinnedRanking.record(current, FIELDS, distinct).withWindowEnd(windowEnd).encode(FIELDS, distinct);
        }
        return new Page(hits, ranking);
      } finally {
        searchers.release(current);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page, and where the phrase window ends by word score (null when nothing matches). */
  private record PhrasePage(List<Ranked> hits, Ranked windowEnd) {}

  /**
   * Ranks by the words, then adds the phrase bonus to the window only: the best {@value
   * #PHRASE_WINDOW} by word score when {@code windowEnd} is not known yet, else every match up to
   * {@code windowEnd} by word score (the first page's window, plus articles added since that rank
   * within it). Checking word positions in every match would make a page cost as much as all
   * matches. A bonus only raises a score, so every hit of the window still ranks before every hit
   * beyond it, and one (score, slug) order — hence one kind of cursor — holds across the window
   * and past it.
   */
  private static PhrasePage withPhraseBonus(
      IndexSearcher searcher, Query matches, Query phrase, Ranked windowEnd, Ranked after, int count) throws IOException {
    List<Ranked> candidates = null;
    if (windowEnd == null) {
      List<Ranked> best = top(searcher, matches, null, PHRASE_WINDOW + count);
      if (best.isEmpty()) {
        return new PhrasePage(List.of(), null);
      }
      windowEnd = best.get(Math.min(PHRASE_WINDOW, best.size()) - 1);
      candidates = after == null ? best : null;
    }
    if (after != null && TopHitsCollector.ORDER.compare(after, windowEnd) > 0) {
      // A page past the window: the whole window ranked before the cursor
      return new PhrasePage(top(searcher, matches, after, count), windowEnd);
    }
    if (candidates == null) {
      candidates = windowAndMore(searcher, matches, after, windowEnd, count);
    }
    List<Ranked> window = new ArrayList<>();
    List<Ranked> page = new ArrayList<>(candidates.size());
    for (Ranked hit : candidates) {
      (TopHitsCollector.ORDER.compare(hit, windowEnd) <= 0 ? window : page).add(hit);
    }
    page.addAll(PhraseBonus.add(searcher, phrase, window));
    if (after != null) {
      // A bonus may have lifted a hit to where an earlier page served it
      page.removeIf(hit -> TopHitsCollector.ORDER.compare(hit, after) <= 0);
    }
    page.sort(TopHitsCollector.ORDER);
    return new PhrasePage(page.size() > count ? page.subList(0, count) : page, windowEnd);
  }

  /**
   * The word matches after {@code after}: every one up to {@code windowEnd}, then {@code count}
   * more. The window holds {@value #PHRASE_WINDOW} matches, plus any articles added since the first
   * page that rank within it, so one round is the rule.
   */
  private static List<Ranked> windowAndMore(IndexSearcher searcher, Query matches, Ranked after, Ranked windowEnd, int count)
      throws IOException {
    int most = Math.max(1, searcher.getIndexReader().maxDoc());
    int wanted = Math.min(PHRASE_WINDOW + count, most);
    while (true) {
      List<Ranked> found = top(searcher, matches, after, wanted);
      if (found.size() < wanted || wanted == most || TopHitsCollector.ORDER.compare(found.getLast(), windowEnd) > 0) {
        return found;
      }
      wanted = (int) Math.min(2L * wanted, most);
    }
  }

  private static List<Ranked> top(IndexSearcher searcher, Query query, Ranked after, int count) throws IOException {
    return searcher.search(query, new TopHitsCollector(SLUG, count, after));
  }

  private static Query filtered(BooleanQuery words, ArticleFilter filter) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (filter.tag() == null && filter.treatmentId() == null) {
      // The words as the top-level optional clauses, narrowed by exclusion only: Lucene then scores
      // them in bulk and skips the few excluded articles, where a required filter would check every
      // match against it one by one
      words.clauses().forEach(query::add);
    } else {
      query.add(words, Occur.MUST);
      if (filter.tag() != null) {
        query.add(new TermQuery(new Term(TAG, filter.tag())), Occur.FILTER);
      }
      if (filter.treatmentId() != null) {
        query.add(new TermQuery(new Term(TREATMENT, filter.treatmentId())), Occur.FILTER);
      }
    }
    // Network-wide articles, plus the requested clinic's own: every other clinic's are excluded
    Query otherClinics =
        filter.clinicId() == null
            ? new TermQuery(new Term(CLINIC, ANY_CLINIC))
            : new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CLINIC, ANY_CLINIC)), Occur.MUST)
                .add(new TermQuery(new Term(CLINIC, filter.clinicId())), Occur.MUST_NOT)
                .build();
    return query.add(otherClinics, Occur.MUST_NOT).build();
  }

  /** The stemmed words of a query (stop words and punctuation gone) and their positions. */
  private record QueryWords(List<String> terms, List<Integer> positions) {}

  private QueryWords analyze(String text) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
      tokens.reset();
      int position = -1;
      while (tokens.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        position += increment.getPositionIncrement();
        terms.add(term.toString());
        positions.add(position);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new QueryWords(terms, positions);
  }

  /** Each stemmed word may match in any field, weighted by field. */
  private static BooleanQuery wordsQuery(List<String> distinctTerms) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : distinctTerms) {
      // Best field per word (plus a little for the others): a word repeated in body and summary
      // must not add up to more than the same word in the title
      List<Query> perField = new ArrayList<>();
      for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
        perField.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()));
      }
      query.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), Occur.SHOULD);
    }
    return query.build();
  }

  /** The bonus for the words standing together (one word in between allowed); null for one word. */
  private static Query phraseQuery(QueryWords words) {
    if (words.terms().size() < 2) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String field : List.of(TITLE, BODY)) {
      PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
      for (int i = 0; i < words.terms().size(); i++) {
        phrase.add(new Term(field, words.terms().get(i)), words.positions().get(i));
      }
      query.add(new BoostQuery(phrase.build(), PHRASE_BONUS * WEIGHTS.get(field)), Occur.SHOULD);
    }
    return query.build();
  }

  private Document document(Article article, long version) {
    Document document = new Document();
    document.add(new StringField(ID, article.id(), Field.Store.YES));
    // Read back when a directory's index is reopened
    document.add(new NumericDocValuesField(VERSION, version));
    // Doc values, not stored: the collector reads slugs for ranking ties, and the index is sorted by them
    document.add(new SortedDocValuesField(SLUG, new BytesRef(article.slug())));
    document.add(new TextField(TITLE, article.title(), Field.Store.NO));
    document.add(new TextField(SUMMARY, nullToEmpty(article.summary()), Field.Store.NO));
    document.add(new TextField(BODY, renderer.plainText(article.body()), Field.Store.NO));
    StringBuilder faq = new StringBuilder();
    for (FaqEntry entry : article.faq()) {
      faq.append(entry.question()).append('\n').append(entry.answer()).append('\n');
    }
    document.add(new TextField(FAQ, faq.toString(), Field.Store.NO));
    document.add(new TextField(TAG_WORDS, String.join(" ", article.tags()).replace('-', ' '), Field.Store.NO));
    article.tags().forEach(tag -> document.add(new StringField(TAG, tag, Field.Store.NO)));
    article.treatmentIds().forEach(treatment -> document.add(new StringField(TREATMENT, treatment, Field.Store.NO)));
    if (!article.isNetworkWide()) {
      document.add(new StringField(CLINIC, ANY_CLINIC, Field.Store.NO));
      document.add(new StringField(CLINIC, article.clinicId(), Field.Store.NO));
    }
    return document;
  }

  private static void closeQuietly(IndexStorage storage, Exception failure) {
    try {
      storage.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      searchers.close();
      writer.close();
    } finally {
      storage.close();
    }
  }
}
