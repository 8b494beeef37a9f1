package network.clinic.content.article;

import java.util.List;

/** Full-text search over published articles, ranked by relevance (implemented in {@code search}). */
public interface ArticleSearch {

  /**
   * Up to {@code count} hits, best first; equal scores ordered by slug, so the order is total and
   * pages are stable. With {@code after}, only the hits that rank after that position.
   */
  List<Hit> search(String query, ArticleFilter filter, After after, int count);

  /** The first {@code count} hits. */
  default List<Hit> search(String query, ArticleFilter filter, int count) {
    return search(query, filter, null, count);
  }

  record Hit(String articleId, String slug, float score) {}

  /** A position in the ranking: the score and slug of the last hit already served. */
  record After(float score, String slug) {}
}
