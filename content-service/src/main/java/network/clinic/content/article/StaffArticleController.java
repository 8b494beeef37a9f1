package network.clinic.content.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import network.clinic.support.security.StaffAccess;
import network.clinic.support.security.StaffOnly;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editing for clinic staff (their clinic's articles) and network admins (all, including the
 * network-wide ones). Writes answer with the article's version as ETag; send it back as
 * If-Match (or as {@code version}) so a stale edit is refused instead of overwriting.
 */
@RestController
@StaffOnly
@Tag(name = "Article editing", description = "Staff only: bearer token with role clinic-staff or network-admin")
@SecurityRequirement(name = "staffToken")
class StaffArticleController {

  private static final CacheControl PRIVATE = CacheControl.noStore();

  private final ArticleEditor editor;
  private final StaffAccess staffAccess;

  StaffArticleController(ArticleEditor editor, StaffAccess staffAccess) {
    this.editor = editor;
    this.staffAccess = staffAccess;
  }

  @PostMapping("/api/v1/articles")
  @Operation(operationId = "createArticle", summary = "Create a draft")
  ResponseEntity<StaffArticleResponse> create(@Valid @RequestBody ArticleRequest request) {
    StaffArticleResponse created = StaffArticleResponse.of(editor.create(staffAccess.current(), request));
    return ResponseEntity.created(URI.create("/api/v1/staff/articles/" + created.slug()))
        .eTag(created.etag())
        .cacheControl(PRIVATE)
        .body(created);
  }

  @PutMapping("/api/v1/articles/{slug}")
  @Operation(operationId = "updateArticle", summary = "Replace an article's content", description = "Needs If-Match or version: 412 or 409 when stale, 428 when missing.")
  ResponseEntity<StaffArticleResponse> update(
      @PathVariable String slug,
      @Valid @RequestBody ArticleRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return written(editor.update(staffAccess.current(), slug, request, VersionCondition.of(ifMatch, request.version())));
  }

  @PostMapping("/api/v1/articles/{slug}/publish")
  @Operation(operationId = "publishArticle", summary = "Publish an article")
  ResponseEntity<StaffArticleResponse> publish(
      @PathVariable String slug, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return written(editor.publish(staffAccess.current(), slug, VersionCondition.of(ifMatch, null)));
  }

  @PostMapping("/api/v1/articles/{slug}/unpublish")
  @Operation(operationId = "unpublishArticle", summary = "Take an article back to draft")
  ResponseEntity<StaffArticleResponse> unpublish(
      @PathVariable String slug, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return written(editor.unpublish(staffAccess.current(), slug, VersionCondition.of(ifMatch, null)));
  }

  @DeleteMapping("/api/v1/articles/{slug}")
  @Operation(operationId = "deleteArticle", summary = "Delete an article")
  ResponseEntity<Void> delete(@PathVariable String slug, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    editor.delete(staffAccess.current(), slug, VersionCondition.of(ifMatch, null));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/staff/articles/{slug}")
  @Operation(operationId = "getStaffArticle", summary = "Read an article in any status")
  ResponseEntity<StaffArticleResponse> read(@PathVariable String slug) {
    return written(editor.read(staffAccess.current(), slug));
  }

  @GetMapping("/api/v1/staff/articles")
  @Operation(operationId = "listStaffArticles", summary = "Articles the caller may edit, most recently changed first")
  ResponseEntity<List<StaffArticleResponse>> list(
      @RequestParam(required = false) String clinicId,
      @RequestParam(required = false) ArticleStatus status,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > ArticleQueries.MAX_LIMIT) {
      throw ArticleProblems.invalidParameter("limit is between 1 and " + ArticleQueries.MAX_LIMIT + ".");
    }
    if (clinicId != null && !clinicId.matches(Slugs.ID_PATTERN)) {
      throw ArticleProblems.invalidParameter("clinicId is lowercase letters, digits and hyphens.");
    }
    List<StaffArticleResponse> articles =
        editor.list(staffAccess.current(), clinicId, status, limit).stream().map(StaffArticleResponse::of).toList();
    return ResponseEntity.ok().cacheControl(PRIVATE).body(articles);
  }

  private static ResponseEntity<StaffArticleResponse> written(Article article) {
    StaffArticleResponse response = StaffArticleResponse.of(article);
    return ResponseEntity.ok().eTag(response.etag()).cacheControl(PRIVATE).body(response);
  }
}
