package network.clinic.content.article;

import java.util.List;

/** Full-text search over published articles, ranked by relevance (implemented in {@code search}). */
public interface ArticleSearch {

  /**
   * Up to {@code count} hits, best first; equal scores ordered by slug, so the order is total and
   * pages are stable. With {@code after}, only the hits that rank after that position, scored as
   * the page that {@code after.ranking()} came from was.
   *
   * @throws InvalidRanking when {@code after.ranking()} is not one this search gave for these words
   */
  Page page(String query, ArticleFilter filter, After after, int count);

  default List<Hit> search(String query, ArticleFilter filter, After after, int count) {
    return page(query, filter, after, count).hits();
  }

  /** The first {@code count} hits. */
  default List<Hit> search(String query, ArticleFilter filter, int count) {
    return search(query, filter, null, count);
  }

  record Hit(String articleId, String slug, float score) {}

  /**
   * Hits, and how they were ranked: opaque, URL-safe, bounded (a few hundred characters for a
   * few words, under 2,000 for the longest query), to be handed back with the next page's {@link
   * After}; null when fewer than the hits asked for were found, so no later page can follow.
   */
  record Page(List<Hit> hits, String ranking) {}

  /**
   * A position in the ranking: the score and slug of the last hit already served, and the ranking
   * of the page it was served on. Without a ranking the index is scored as it is now, and a score
   * from an earlier page may no longer mean the same position.
   */
  record After(float score, String slug, String ranking) {

    public After(float score, String slug) {
      this(score, slug, null);
    }
  }

  /** A ranking that does not decode or was made for other query words. */
  final class InvalidRanking extends RuntimeException {

    public InvalidRanking() {
      super("not a ranking of this query", null, false, false);
    }
  }
}
