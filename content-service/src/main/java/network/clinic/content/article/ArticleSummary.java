package network.clinic.content.article;

import java.time.Instant;
import java.util.List;

/** One entry of a list or search page. */
record ArticleSummary(
    String slug,
    String title,
    String summary,
    List<String> tags,
    List<String> treatmentIds,
    String author,
    String clinicId,
    int readingMinutes,
    Instant publishedAt) {

  static ArticleSummary of(Article a) {
    return new ArticleSummary(
        a.slug(), a.title(), a.summary(), a.tags(), a.treatmentIds(), a.author(), a.clinicId(), a.readingMinutes(), a.publishedAt());
  }
}
