package network.clinic.content.article;

import java.util.List;
import network.clinic.content.ContentMetrics;
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

  ArticleQueries(Articles articles, ArticleSearch search, ContentMetrics metrics) {
    this.articles = articles;
    this.search = search;
    this.metrics = metrics;
  }

  /** A published article; a draft is as absent as an unknown slug. */
  Article published(String slug) {
    if (!Slugs.isValidSlug(slug)) {
      throw ArticleProblems.invalidSlug();
    }
    return articles.findPublicBySlug(slug).filter(Article::isPublished).orElseThrow(ArticleProblems::notFound);
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
    // One more than the page tells whether there is a next page; the index ranks no further
    ArticleSearch.After position = after == null ? null : new ArticleSearch.After(after.score(), after.slug(), after.ranking());
    ArticleSearch.Page found;
    try {
      found = search.page(q, filter, position, limit + 1);
    } catch (ArticleSearch.InvalidRanking e) {
      throw ArticleProblems.invalidCursor();
    }
    List<ArticleSearch.Hit> hits = found.hits();
    boolean more = hits.size() > limit;
    List<ArticleSearch.Hit> pageHits = more ? hits.subList(0, limit) : hits;
    // The index may trail MongoDB by a poll interval: MongoDB decides what is published now
    List<Article> page = articles.publishedByIds(pageHits.stream().map(ArticleSearch.Hit::articleId).toList());
    String next = null;
    if (more) {
      ArticleSearch.Hit last = pageHits.getLast();
      // Later pages score with the first page's statistics: see ArticleSearch.After
      next = ListCursor.encode(new ListCursor.Relevance(last.score(), last.slug(), found.ranking()));
    }
    return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), next);
  }
}
