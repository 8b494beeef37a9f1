package network.clinic.content.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import network.clinic.content.ContentMetrics;
import network.clinic.content.ContentMetrics.ReadOutcome;
import network.clinic.content.ContentMetrics.Resource;
import network.clinic.content.web.ApiProblem;
import network.clinic.content.web.PublicCaching;
import network.clinic.content.web.PublicCaching.Representation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles", description = "Published articles for clinic websites")
class PublicArticleController {

  private final ArticleQueries queries;
  private final PublishedArticleCache cache;
  private final PublicCaching caching;
  private final ContentMetrics metrics;

  PublicArticleController(ArticleQueries queries, PublishedArticleCache cache, PublicCaching caching, ContentMetrics metrics) {
    this.queries = queries;
    this.cache = cache;
    this.caching = caching;
    this.metrics = metrics;
  }

  @GetMapping
  @Operation(
      operationId = "listArticles", summary = "List or search published articles",
      description =
          "Without q: newest first. With q: ranked by relevance (stemmed, title matches weigh most). "
              + "Pages are cursor-based: pass nextCursor back as cursor, with the same q. An unknown tag gives an empty page.")
  @ApiResponse(responseCode = "200", description = "A page of articles",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ArticlePage.class)))
  ResponseEntity<byte[]> list(
      @Parameter(description = "Only articles with this tag") @RequestParam(required = false) String tag,
      @Parameter(description = "This clinic's own articles plus the network-wide ones; without it, network-wide only")
          @RequestParam(required = false)
          String clinicId,
      @Parameter(description = "Only articles linked to this treatment") @RequestParam(required = false) String treatmentId,
      @Parameter(description = "Search words") @RequestParam(required = false) String q,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
      @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int limit,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    if (limit < 1 || limit > ArticleQueries.MAX_LIMIT) {
      throw ArticleProblems.invalidParameter("limit is between 1 and " + ArticleQueries.MAX_LIMIT + ".");
    }
    ArticleFilter filter = new ArticleFilter(tagFilter(tag), idFilter("clinicId", clinicId), idFilter("treatmentId", treatmentId));
    boolean searching = q != null && !q.isBlank();
    ArticlePage page =
        searching ? queries.search(q.strip(), filter, blankToNull(cursor), limit) : queries.list(filter, blankToNull(cursor), limit);
    ResponseEntity<byte[]> response = caching.respond(page, ifNoneMatch);
    metrics.read(searching ? Resource.SEARCH : Resource.LIST, PublicCaching.isNotModified(response) ? ReadOutcome.NOT_MODIFIED : ReadOutcome.OK);
    return response;
  }

  @GetMapping("/{slug}")
  @Operation(operationId = "getArticle", summary = "One published article", description = "404 for an unknown slug and for a draft.")
  @ApiResponse(responseCode = "200", description = "The article",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ArticleResponse.class)))
  ResponseEntity<byte[]> one(
      @PathVariable String slug, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    Representation article;
    try {
      article = cache.get(slug, () -> caching.represent(ArticleResponse.of(queries.published(slug))));
    } catch (ApiProblem problem) {
      if (problem.status().value() == 404) {
        metrics.read(Resource.ARTICLE, ReadOutcome.NOT_FOUND);
      }
      throw problem;
    }
    ResponseEntity<byte[]> response = caching.respond(article, ifNoneMatch);
    metrics.read(Resource.ARTICLE, PublicCaching.isNotModified(response) ? ReadOutcome.NOT_MODIFIED : ReadOutcome.OK);
    return response;
  }

  /** A tag that is well formed but unknown gives an empty page; one that can never exist is a 400. */
  private static String tagFilter(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String normal = Slugs.tag(tag);
    if (tag.length() > 100 || !Slugs.isValidTag(normal)) {
      throw ArticleProblems.invalidParameter("tag is up to " + Slugs.MAX_TAG_LENGTH + " letters, digits and hyphens.");
    }
    return normal;
  }

  private static String idFilter(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 64 || !value.matches(Slugs.ID_PATTERN)) {
      throw ArticleProblems.invalidParameter(name + " is lowercase letters, digits and hyphens.");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
