package network.clinic.content.article;

import java.util.ArrayList;
import java.util.List;
import network.clinic.content.ContentMetrics;
import network.clinic.content.ContentProperties;
import org.springframework.stereotype.Service;

/** Public reads: one article, chronological pages, and search pages ranked by relevance. */
@Service
class ArticleQueries {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_QUERY_LENGTH = 200;

  private final Articles articles;
  private final ArticleSearch search;
  private final ContentMetrics metrics;
  private final int maxHits;

  ArticleQueries(Articles articles, ArticleSearch search, ContentMetrics metrics, ContentProperties properties) {
    this.articles = articles;
    this.search = search;
    this.metrics = metrics;
    this.maxHits = properties.search().maxHits();
  }

  /** A published article; a draft is as absent as an unknown slug. */
  Article published(String slug) {
    if (!Slugs.isValidSlug(slug)) {
      throw ArticleProblems.invalidSlug();
    }
    return articles.findBySlug(slug).filter(Article::isPublished).orElseThrow(ArticleProblems::notFound);
  }

  ArticlePage list(ArticleFilter filter, String cursor, int limit) {
    ListCursor.Chronological after = null;
    if (cursor != null) {
      if (!(ListCursor.decode(cursor) instanceof ListCursor.Chronological chronological)) {
        throw ArticleProblems.invalidCursor();
      }
      after = chronological;
    }
    Articles.PublicationKey key = after == null ? null : new Articles.PublicationKey(after.publishedAt(), after.slug());
    List<Article> found = articles.publishedPage(filter, key, limit + 1);
    boolean more = found.size() > limit;
    List<Article> page = more ? found.subList(0, limit) : found;
    String next = null;
    if (more) {
      Article last = page.getLast();
      next = ListCursor.encode(new ListCursor.Chronological(last.publishedAt(), last.slug()));
    }
    return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), next);
  }

  ArticlePage search(String q, ArticleFilter filter, String cursor, int limit) {
    if (q.length() > MAX_QUERY_LENGTH) {
      throw ArticleProblems.invalidParameter("q is at most " + MAX_QUERY_LENGTH + " characters.");
    }
    ListCursor.Relevance after = null;
    if (cursor != null) {
      if (!(ListCursor.decode(cursor) instanceof ListCursor.Relevance relevance)) {
        throw ArticleProblems.invalidCursor();
      }
      after = relevance;
    }
    ListCursor.Relevance start = after;
    return metrics.search(() -> rankedPage(q, filter, start, limit), page -> page.items().size());
  }

  private ArticlePage rankedPage(String q, ArticleFilter filter, ListCursor.Relevance after, int limit) {
    List<ArticleSearch.Hit> hits = search.search(q, filter, maxHits);
    List<ArticleSearch.Hit> window = new ArrayList<>(limit + 1);
    for (ArticleSearch.Hit hit : hits) {
      if (after == null || comesAfter(hit, after)) {
        window.add(hit);
        if (window.size() > limit) {
          break;
        }
      }
    }
    boolean more = window.size() > limit;
    List<ArticleSearch.Hit> pageHits = more ? window.subList(0, limit) : window;
    // The index may trail MongoDB by a poll interval: MongoDB decides what is published now
    List<Article> page = articles.publishedByIds(pageHits.stream().map(ArticleSearch.Hit::articleId).toList());
    String next = null;
    if (more) {
      ArticleSearch.Hit last = pageHits.getLast();
      next = ListCursor.encode(new ListCursor.Relevance(last.score(), last.slug()));
    }
    return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), next);
  }

  /** Order is score descending, then slug ascending. */
  private static boolean comesAfter(ArticleSearch.Hit hit, ListCursor.Relevance cursor) {
    int byScore = Float.compare(cursor.score(), hit.score());
    return byScore < 0 ? false : byScore > 0 || hit.slug().compareTo(cursor.slug()) > 0;
  }
}
