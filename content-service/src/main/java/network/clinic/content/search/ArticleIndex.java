package network.clinic.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import network.clinic.content.article.Article;
import network.clinic.content.article.ArticleFilter;
import network.clinic.content.article.ArticleSearch;
import network.clinic.content.article.FaqEntry;
import network.clinic.content.rendering.MarkdownRenderer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of the published articles. English stemming ("needles" and "needle"
 * meet at one stem), BM25 ranking, each word scored by its best field with a title match weighing
 * three times a body match, and a bonus when the words stand together as a phrase. Filters (tag, clinic, treatment) are exact terms.
 *
 * <p>Thread-safe: writes go through one IndexWriter, reads through a SearcherManager refreshed
 * after every change, so a search sees a consistent snapshot.
 */
class ArticleIndex implements ArticleSearch, AutoCloseable {

  static final String NETWORK_WIDE = "_network";

  private static final String ID = "id";
  private static final String SLUG = "slug";
  private static final String TITLE = "title";
  private static final String SUMMARY = "summary";
  private static final String BODY = "body";
  private static final String FAQ = "faq";
  private static final String TAG_WORDS = "tagWords";
  private static final String TAG = "tag";
  private static final String TREATMENT = "treatment";
  private static final String AUDIENCE = "audience";

  /** Field weights: where a word appears says how much the article is about it. */
  private static final Map<String, Float> WEIGHTS =
      Map.of(TITLE, 3.0f, TAG_WORDS, 2.0f, SUMMARY, 1.5f, FAQ, 1.0f, BODY, 1.0f);

  private static final float PHRASE_BONUS = 2.0f;
  private static final float TIE_BREAKER = 0.3f;
  private static final int MAX_QUERY_TERMS = 16;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final MarkdownRenderer renderer;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  /** id → version of what is indexed: lets a resync touch only what changed. */
  private final Map<String, Long> indexed = new HashMap<>();

  ArticleIndex(MarkdownRenderer renderer) {
    this.renderer = renderer;
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indexes a published article, or removes one that is no longer published. */
  void apply(Article article) {
    update(List.of(article), List.of());
  }

  void remove(String articleId) {
    update(List.of(), List.of(articleId));
  }

  /** Applies a batch and makes it visible to searches once (a resync may touch many articles). */
  synchronized void update(Collection<Article> changed, Collection<String> removed) {
    try {
      for (Article article : changed) {
        Long current = indexed.get(article.id());
        if (current != null && article.version() != null && current > article.version()) {
          continue; // an older read of the article than what we hold
        }
        if (article.isPublished()) {
          writer.updateDocument(new Term(ID, article.id()), document(article));
          indexed.put(article.id(), article.version() == null ? 0L : article.version());
        } else {
          writer.deleteDocuments(new Term(ID, article.id()));
          indexed.remove(article.id());
        }
      }
      for (String articleId : removed) {
        writer.deleteDocuments(new Term(ID, articleId));
        indexed.remove(articleId);
      }
      searchers.maybeRefreshBlocking();
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
  public List<Hit> search(String text, ArticleFilter filter, int maxHits) {
    Query words = wordsQuery(text);
    if (words == null) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
    if (filter.tag() != null) {
      query.add(new TermQuery(new Term(TAG, filter.tag())), Occur.FILTER);
    }
    if (filter.treatmentId() != null) {
      query.add(new TermQuery(new Term(TREATMENT, filter.treatmentId())), Occur.FILTER);
    }
    BooleanQuery.Builder audience = new BooleanQuery.Builder().add(new TermQuery(new Term(AUDIENCE, NETWORK_WIDE)), Occur.SHOULD);
    if (filter.clinicId() != null) {
      audience.add(new TermQuery(new Term(AUDIENCE, filter.clinicId())), Occur.SHOULD);
    }
    query.add(audience.build(), Occur.FILTER);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query.build(), maxHits);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
          Document document = stored.document(scoreDoc.doc);
          hits.add(new Hit(document.get(ID), document.get(SLUG), scoreDoc.score));
        }
        hits.sort(Comparator.comparing(Hit::score).reversed().thenComparing(Hit::slug));
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each stemmed word may match in any field, weighted by field; the whole phrase earns a bonus.
   * Null when nothing searchable is left (only stop words, only punctuation).
   */
  private Query wordsQuery(String text) {
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
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms.stream().distinct().toList()) {
      // Best field per word (plus a little for the others): a word repeated in body and summary
      // must not add up to more than the same word in the title
      List<Query> perField = new ArrayList<>();
      for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
        perField.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()));
      }
      query.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), Occur.SHOULD);
    }
    if (terms.size() > 1) {
      for (String field : List.of(TITLE, BODY)) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(1);
        for (int i = 0; i < terms.size(); i++) {
          phrase.add(new Term(field, terms.get(i)), positions.get(i));
        }
        query.add(new BoostQuery(phrase.build(), PHRASE_BONUS * WEIGHTS.get(field)), Occur.SHOULD);
      }
    }
    return query.build();
  }

  private Document document(Article article) {
    Document document = new Document();
    document.add(new StringField(ID, article.id(), Field.Store.YES));
    document.add(new StoredField(SLUG, article.slug()));
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
    document.add(new StringField(AUDIENCE, article.isNetworkWide() ? NETWORK_WIDE : article.clinicId(), Field.Store.NO));
    return document;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public synchronized void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
