package network.clinic.booking.treatment;

import java.util.List;
import java.util.Optional;
import network.clinic.booking.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The treatment catalogue, for every feature that needs it. */
@Component
public class Treatments {

  private final MongoTemplate mongo;

  Treatments(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Treatment> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Treatment.class));
  }

  /** @throws ProblemException 404 when there is no such treatment */
  public Treatment require(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("treatment"));
  }

  public List<Treatment> all() {
    return mongo.find(new Query().with(Sort.by("_id")), Treatment.class);
  }

  void save(Treatment treatment) {
    mongo.save(treatment);
  }

  boolean exists(String id) {
    return find(id).isPresent();
  }
}
