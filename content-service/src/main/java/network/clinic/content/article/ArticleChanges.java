package network.clinic.content.article;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One counter in MongoDB that every write bumps after it lands. Other instances poll this single
 * small document and look at the articles only when it moved: cheap when nothing changes, and it
 * needs neither change streams nor trustworthy clocks across instances.
 */
@Component
public class ArticleChanges {

  static final String COLLECTION = "content_changes";
  private static final String ID = "articles";

  private final MongoTemplate mongo;

  ArticleChanges(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void bump() {
    mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().inc("sequence", 1L), COLLECTION);
  }

  /** The current counter; 0 before the first write. */
  public long current() {
    Document state = mongo.findOne(Query.query(Criteria.where("_id").is(ID)), Document.class, COLLECTION);
    if (state == null || !(state.get("sequence") instanceof Number sequence)) {
      return 0;
    }
    return sequence.longValue();
  }
}
