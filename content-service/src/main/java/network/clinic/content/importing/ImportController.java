package network.clinic.content.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import network.clinic.content.ContentMetrics;
import network.clinic.content.ContentMetrics.ImportOutcome;
import network.clinic.content.article.ArticleContent;
import network.clinic.content.article.ArticleEditor;
import network.clinic.content.article.Slugs;
import network.clinic.content.article.StaffArticleResponse;
import network.clinic.support.security.StaffAccess;
import network.clinic.support.security.StaffOnly;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Article editing")
@SecurityRequirement(name = "staffToken")
class ImportController {

  static final String TEXT_MARKDOWN = "text/markdown";
  static final String PUBLISHED_ARTICLE_UPDATED =
      "The article is published: this import replaced the text readers see now. Unpublish it first to review changes as a draft.";

  private final BlogPostImporter importer;
  private final ArticleEditor editor;
  private final StaffAccess staffAccess;
  private final ContentMetrics metrics;

  ImportController(BlogPostImporter importer, ArticleEditor editor, StaffAccess staffAccess, ContentMetrics metrics) {
    this.importer = importer;
    this.editor = editor;
    this.staffAccess = staffAccess;
    this.metrics = metrics;
  }

  @StaffOnly
  @PostMapping(
      path = "/api/v1/articles/import",
      consumes = {MediaType.TEXT_PLAIN_VALUE, TEXT_MARKDOWN},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "importArticle", summary = "Import a blog post as a draft",
      description =
          "Plain text or Markdown as copied from a clinic blog. 201 with a new draft, or 200 when an article with the same "
              + "title (slug) exists and was updated; a published article stays published, with the new text live at once "
              + "(the report warns of it). The report says what was recognised.")
  ResponseEntity<ImportResponse> importPost(
      @RequestBody byte[] document,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @Parameter(description = "Owner; default: the caller's clinic (network-wide for a network admin)")
          @RequestParam(required = false)
          String clinicId,
      @Parameter(description = "Treatments to link (repeatable)") @RequestParam(name = "treatmentId", required = false)
          List<String> treatmentIds) {
    var staff = staffAccess.current();
    ImportedPost post;
    ArticleEditor.Saved saved;
    try {
      requireId("clinicId", clinicId);
      List<String> treatments = treatmentIds == null ? List.of() : treatmentIds;
      if (treatments.size() > 20) {
        throw new InvalidDocumentException("At most 20 treatmentId parameters.");
      }
      treatments.forEach(id -> requireId("treatmentId", id));
      boolean markdown = contentType.isCompatibleWith(MediaType.parseMediaType(TEXT_MARKDOWN));
      post = importer.parse(decode(document, contentType), markdown);
      ArticleContent content =
          new ArticleContent(post.title(), null, post.markdown(), post.tags(), treatments, post.author(), post.faq(), null, post.publishedOn());
      saved = editor.saveImport(staff, clinicId, content);
    } catch (RuntimeException refused) {
      // Every import that wrote nothing: our own problems, another clinic's clinicId, and the
      // conflicts of concurrent imports of one post (a duplicate slug, a lost update) that
      // ProblemHandling answers
      metrics.imported(ImportOutcome.REJECTED);
      throw refused;
    }
    metrics.imported(saved.created() ? ImportOutcome.CREATED : ImportOutcome.UPDATED);
    StaffArticleResponse article = StaffArticleResponse.of(saved.article());
    ImportReport report = post.report();
    if (!saved.created() && saved.article().isPublished()) {
      // Re-importing a corrected post fixes the live article; the report says so, as nothing else would
      report = report.withWarning(PUBLISHED_ARTICLE_UPDATED);
    }
    return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/v1/staff/articles/" + article.slug()))
        .eTag(article.etag())
        .cacheControl(CacheControl.noStore())
        .body(new ImportResponse(article, saved.created(), report));
  }

  private static void requireId(String name, String value) {
    if (value != null && (value.length() > 64 || !value.matches(Slugs.ID_PATTERN))) {
      throw new InvalidDocumentException(name + " is lowercase letters, digits and hyphens.");
    }
  }

  /** Strict decoding: a document in the wrong encoding is refused rather than stored garbled. */
  private static String decode(byte[] document, MediaType contentType) {
    Charset charset;
    try {
      charset = contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException e) {
      throw new InvalidDocumentException("The charset of the document is not supported.");
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(document))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidDocumentException("The document is not valid " + charset.name() + " text.");
    }
  }
}
