package network.clinic.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code articles} collection: the queries this service needs, and its indexes. */
@Component
public class Articles implements InitializingBean {

  // Public pages never send the Markdown; list and search entries not the HTML either.
  private static final String MARKDOWN = "body";
  private static final String HTML = "html";

  private final MongoTemplate mongo;

  Articles(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Indexes are created by the service itself, so a fresh database is ready on first start. */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(Article.class);
    indexes.createIndex(new Index().on("slug", Sort.Direction.ASC).unique().named("slug_unique"));
    indexes.createIndex(
        new Index()
            .on("status", Sort.Direction.ASC)
            .on("publishedAt", Sort.Direction.DESC)
            .on("slug", Sort.Direction.ASC)
            .named("published_order"));
    indexes.createIndex(new Index().on("tags", Sort.Direction.ASC).named("tags"));
    indexes.createIndex(new Index().on("treatmentIds", Sort.Direction.ASC).named("treatments"));
    indexes.createIndex(new Index().on("clinicId", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC).named("clinic_updated"));
  }

  public Optional<Article> findBySlug(String slug) {
    return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("slug").is(slug)), Article.class));
  }

  /** For a public read, which serves the HTML: without the Markdown source (about half the document). */
  Optional<Article> findPublicBySlug(String slug) {
    Query query = Query.query(Criteria.where("slug").is(slug));
    query.fields().exclude(MARKDOWN);
    return Optional.ofNullable(mongo.findOne(query, Article.class));
  }

  public Optional<Article> findById(String id) {
    return Optional.ofNullable(mongo.findById(id, Article.class));
  }

  public boolean isEmpty() {
    return !mongo.exists(new Query(), Article.class);
  }

  Article insert(Article article) {
    return mongo.insert(article);
  }

  /** Fails with OptimisticLockingFailureException when someone saved a newer version first. */
  Article save(Article article) {
    return mongo.save(article);
  }

  /** Deletes only the version that was read; false when it changed or went meanwhile. */
  boolean delete(Article article) {
    Query exact = Query.query(Criteria.where("_id").is(article.id()).and("version").is(article.version()));
    return mongo.remove(exact, Article.class).getDeletedCount() == 1;
  }

  /**
   * One page of published articles, newest first, after {@code after} in the order
   * (publishedAt desc, slug asc): keyset pagination, so articles published meanwhile never shift
   * a later page.
   */
  List<Article> publishedPage(ArticleFilter filter, PublicationKey after, int limit) {
    Criteria criteria = published(filter);
    if (after != null) {
      criteria =
          new Criteria()
              .andOperator(
                  criteria,
                  new Criteria()
                      .orOperator(
                          Criteria.where("publishedAt").lt(after.publishedAt()),
                          Criteria.where("publishedAt").is(after.publishedAt()).and("slug").gt(after.slug())));
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("slug")))
            .limit(limit);
    query.fields().exclude(MARKDOWN, HTML);
    return mongo.find(query, Article.class);
  }

  /** The published articles among {@code ids}, in the order of {@code ids}, as list entries (no Markdown, no HTML). */
  public List<Article> publishedByIds(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // By _id alone, status checked here: the wire server answers from an index only when the
    // query names exactly the index's fields; anything more scans the whole collection
    Query query = Query.query(Criteria.where("_id").in(ids));
    query.fields().exclude(MARKDOWN, HTML);
    Map<String, Article> found =
        mongo.find(query, Article.class).stream()
            .filter(Article::isPublished)
            .collect(Collectors.toMap(Article::id, Function.identity()));
    return ids.stream().map(found::get).filter(a -> a != null).toList();
  }

  /** id → version of every published article: what a search index compares itself with. */
  public Map<String, Long> publishedVersions() {
    Query query = Query.query(Criteria.where("status").is(ArticleStatus.PUBLISHED));
    query.fields().include("_id").include("version");
    Map<String, Long> versions = new HashMap<>();
    for (Document document : mongo.find(query, Document.class, Article.COLLECTION)) {
      Object version = document.get("version");
      versions.put(String.valueOf(document.get("_id")), version instanceof Number n ? n.longValue() : 0L);
    }
    return versions;
  }

  public List<Article> findAllById(Collection<String> ids) {
    return ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), Article.class);
  }

  /** For staff: articles of one clinic (or network-wide with null), most recently changed first. */
  List<Article> managedBy(Collection<String> clinicIds, boolean includeNetworkWide, ArticleStatus status, int limit) {
    Criteria criteria;
    if (clinicIds == null) {
      criteria = new Criteria();
    } else {
      List<Object> owners = new ArrayList<>(clinicIds);
      if (includeNetworkWide) {
        owners.add(null);
      }
      criteria = Criteria.where("clinicId").in(owners);
    }
    if (status != null) {
      criteria = criteria.and("status").is(status);
    }
    Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("slug"))).limit(limit);
    return mongo.find(query, Article.class);
  }

  private static Criteria published(ArticleFilter filter) {
    Criteria criteria = Criteria.where("status").is(ArticleStatus.PUBLISHED);
    if (filter.tag() != null) {
      criteria = criteria.and("tags").is(filter.tag());
    }
    if (filter.treatmentId() != null) {
      criteria = criteria.and("treatmentIds").is(filter.treatmentId());
    }
    // Missing and null both mean network-wide
    criteria = filter.clinicId() == null ? criteria.and("clinicId").is(null) : criteria.and("clinicId").in(filter.clinicId(), null);
    return criteria;
  }

  record PublicationKey(Instant publishedAt, String slug) {}
}
