package network.clinic.content.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import network.clinic.content.ContentMetrics;
import network.clinic.content.rendering.MarkdownRenderer;
import network.clinic.support.security.ClinicAccessDeniedException;
import network.clinic.support.security.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Every change to an article goes through here: access rules, rendering, optimistic locking, and
 * telling the search index (this instance at once, others through {@link ArticleChanges}).
 *
 * <p>Who may change what: clinic staff their own clinic's articles; a network admin every
 * article, and only a network admin the network-wide ones.
 */
@Service
public class ArticleEditor {

  private static final Logger log = LoggerFactory.getLogger(ArticleEditor.class);

  private final Articles articles;
  private final ArticleChanges changes;
  private final MarkdownRenderer renderer;
  private final ApplicationEventPublisher events;
  private final ContentMetrics metrics;
  private final Clock clock;

  ArticleEditor(
      Articles articles,
      ArticleChanges changes,
      MarkdownRenderer renderer,
      ApplicationEventPublisher events,
      ContentMetrics metrics,
      Clock clock) {
    this.articles = articles;
    this.changes = changes;
    this.renderer = renderer;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
  }

  Article create(StaffMember staff, ArticleRequest request) {
    String clinicId = request.clinicId() != null ? request.clinicId() : staff.isNetworkAdmin() ? null : staff.clinicId();
    requireManage(staff, clinicId);
    ArticleContent content = request.content();
    String slug = request.slug() != null ? request.slug() : Slugs.fromTitle(content.title());
    if (articles.findBySlug(slug).isPresent()) {
      throw ArticleProblems.slugTaken();
    }
    Article created = articles.insert(Article.draft(slug, clinicId, content, renderer.render(content.body()), now()));
    changed(created, "create");
    return created;
  }

  Article update(StaffMember staff, String slug, ArticleRequest request, VersionCondition condition) {
    Article article = manageable(staff, slug);
    if (!condition.isPresent()) {
      throw ArticleProblems.preconditionRequired();
    }
    condition.check(article);
    if (request.slug() != null && !request.slug().equals(slug)) {
      throw ArticleProblems.invalidField("slug cannot be changed: create a new article instead.");
    }
    if (request.clinicId() != null && !request.clinicId().equals(article.clinicId())) {
      throw ArticleProblems.invalidField("clinicId cannot be changed: create a new article instead.");
    }
    ArticleContent content = request.content();
    article.revise(content, renderer.render(content.body()), now());
    Article saved = articles.save(article);
    changed(saved, "update");
    return saved;
  }

  Article publish(StaffMember staff, String slug, VersionCondition condition) {
    Article article = manageable(staff, slug);
    condition.check(article);
    article.publish(now());
    Article saved = articles.save(article);
    changed(saved, "publish");
    return saved;
  }

  Article unpublish(StaffMember staff, String slug, VersionCondition condition) {
    Article article = manageable(staff, slug);
    condition.check(article);
    article.unpublish(now());
    Article saved = articles.save(article);
    changed(saved, "unpublish");
    return saved;
  }

  void delete(StaffMember staff, String slug, VersionCondition condition) {
    Article article = manageable(staff, slug);
    condition.check(article);
    if (!articles.delete(article)) {
      throw ArticleProblems.staleVersion();
    }
    changed(article, "delete");
  }

  Article read(StaffMember staff, String slug) {
    return manageable(staff, slug);
  }

  List<Article> list(StaffMember staff, String clinicId, ArticleStatus status, int limit) {
    if (staff.isNetworkAdmin()) {
      return clinicId == null ? articles.managedBy(null, true, status, limit) : articles.managedBy(List.of(clinicId), false, status, limit);
    }
    if (clinicId != null && !staff.mayAccessClinic(clinicId)) {
      throw new ClinicAccessDeniedException();
    }
    return articles.managedBy(List.of(staff.clinicId()), false, status, limit);
  }

  /**
   * An imported post becomes a draft, or updates the article its title already maps to (a second
   * import of the same post must not duplicate it). The existing article keeps its status,
   * owner and links unless new links are given.
   */
  public Saved saveImport(StaffMember staff, String requestedClinicId, ArticleContent content) {
    String clinicId = requestedClinicId != null ? requestedClinicId : staff.isNetworkAdmin() ? null : staff.clinicId();
    requireManage(staff, clinicId);
    String slug = Slugs.fromTitle(content.title());
    var existing = articles.findBySlug(slug);
    if (existing.isPresent()) {
      Article article = existing.get();
      if (!Objects.equals(article.clinicId(), clinicId)) {
        // The title belongs to another owner's article: never overwrite it
        throw ArticleProblems.slugTaken();
      }
      ArticleContent merged =
          content.treatmentIds().isEmpty()
              ? new ArticleContent(
                  content.title(),
                  content.summary(),
                  content.body(),
                  content.tags(),
                  article.treatmentIds(),
                  content.author(),
                  content.faq(),
                  content.metaDescription(),
                  content.originallyPublishedOn())
              : content;
      article.revise(merged, renderer.render(merged.body()), now());
      Article saved = articles.save(article);
      changed(saved, "update");
      return new Saved(saved, false);
    }
    Article created = articles.insert(Article.draft(slug, clinicId, content, renderer.render(content.body()), now()));
    changed(created, "create");
    return new Saved(created, true);
  }

  /**
   * A sample article, published network-wide at {@code publishedAt}. Returns false when its slug
   * exists already (another instance seeding the same empty database at the same moment).
   */
  public boolean seed(String slug, ArticleContent content, Instant publishedAt) {
    Instant now = now();
    Article article = Article.draft(slug, null, content, renderer.render(content.body()), now);
    article.publishAt(publishedAt.truncatedTo(ChronoUnit.MILLIS), now);
    try {
      Article created = articles.insert(article);
      changed(created, "seed");
      return true;
    } catch (DuplicateKeyException e) {
      log.info("Sample article {} exists already", slug);
      return false;
    }
  }

  private Article manageable(StaffMember staff, String slug) {
    if (!Slugs.isValidSlug(slug)) {
      throw ArticleProblems.invalidSlug();
    }
    Article article = articles.findBySlug(slug).orElseThrow(ArticleProblems::notFoundForStaff);
    requireManage(staff, article.clinicId());
    return article;
  }

  private static void requireManage(StaffMember staff, String clinicId) {
    boolean allowed = clinicId == null ? staff.isNetworkAdmin() : staff.mayAccessClinic(clinicId);
    if (!allowed) {
      throw new ClinicAccessDeniedException();
    }
  }

  private void changed(Article article, String action) {
    changes.bump();
    events.publishEvent(new ArticleChanged(article.id()));
    metrics.written(action);
    log.info("Article {} {} (version {})", article.slug(), action, article.version());
  }

  private Instant now() {
    // MongoDB keeps milliseconds: what we hold must equal what we read back (list cursors)
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  public record Saved(Article article, boolean created) {}
}
