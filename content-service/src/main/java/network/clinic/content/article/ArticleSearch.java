package network.clinic.content.article;

import java.util.List;

/** Full-text search over published articles, ranked by relevance (implemented in {@code search}). */
public interface ArticleSearch {

  /** Hits best first; equal scores ordered by slug, so the order is total and pages are stable. */
  List<Hit> search(String query, ArticleFilter filter, int maxHits);

  record Hit(String articleId, String slug, float score) {}
}
