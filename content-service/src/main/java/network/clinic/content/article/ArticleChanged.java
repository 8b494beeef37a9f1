package network.clinic.content.article;

/** Published in-process after an article was written or deleted on this instance. */
public record ArticleChanged(String articleId) {}
