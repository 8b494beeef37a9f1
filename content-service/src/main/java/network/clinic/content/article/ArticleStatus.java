package network.clinic.content.article;

public enum ArticleStatus {
  DRAFT,
  PUBLISHED
}
