package network.clinic.booking.clinic;

import java.util.List;
import java.util.Optional;
import network.clinic.booking.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The clinics of the network, for every feature that needs one. */
@Component
public class Clinics {

  private final MongoTemplate mongo;

  Clinics(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Clinic> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Clinic.class));
  }

  /** @throws ProblemException 404 when there is no such clinic */
  public Clinic require(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("clinic"));
  }

  public List<Clinic> all() {
    return mongo.find(new Query().with(Sort.by("_id")), Clinic.class);
  }

  void save(Clinic clinic) {
    mongo.save(clinic);
  }

  boolean exists(String id) {
    return find(id).isPresent();
  }
}
