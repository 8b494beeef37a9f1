package network.clinic.content.article;

/**
 * What a public list or search is narrowed to. Each part is optional.
 *
 * @param clinicId a clinic website's own articles plus the network-wide ones; without it,
 *     network-wide articles only
 */
public record ArticleFilter(String tag, String clinicId, String treatmentId) {}
