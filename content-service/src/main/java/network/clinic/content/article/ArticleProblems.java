package network.clinic.content.article;

import network.clinic.content.web.ApiProblem;
import network.clinic.content.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The article feature's errors, each with its stable problem type. */
final class ArticleProblems {

  private ArticleProblems() {}

  static ApiProblem notFound() {
    return new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.ARTICLE_NOT_FOUND, "Article not found", "No published article has this slug.");
  }

  static ApiProblem notFoundForStaff() {
    return new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.ARTICLE_NOT_FOUND, "Article not found", "No article has this slug.");
  }

  static ApiProblem invalidSlug() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.INVALID_SLUG,
        "Invalid slug",
        "A slug is 1 to " + Slugs.MAX_SLUG_LENGTH + " lowercase letters, digits and single hyphens.");
  }

  static ApiProblem invalidCursor() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_CURSOR, "Invalid cursor", "Pass back the nextCursor of a previous page unchanged, with the same q.");
  }

  static ApiProblem invalidParameter(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid parameter", detail);
  }

  static ApiProblem invalidField(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Validation failed", detail);
  }

  static ApiProblem slugTaken() {
    return new ApiProblem(HttpStatus.CONFLICT, ProblemTypes.SLUG_TAKEN, "Slug taken", "An article with this slug already exists.");
  }

  static ApiProblem staleVersion() {
    return new ApiProblem(
        HttpStatus.CONFLICT, ProblemTypes.STALE_VERSION, "Stale version", "The article was changed since that version; read it again and reapply your change.");
  }

  static ApiProblem preconditionFailed() {
    return new ApiProblem(
        HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", "If-Match does not name the article's current version.");
  }

  static ApiProblem preconditionRequired() {
    return new ApiProblem(
        HttpStatus.PRECONDITION_REQUIRED,
        ProblemTypes.PRECONDITION_REQUIRED,
        "Precondition required",
        "Send the version you edited, as If-Match: \"<version>\" or as the version field.");
  }
}
