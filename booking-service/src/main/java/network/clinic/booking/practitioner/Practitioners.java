package network.clinic.booking.practitioner;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import network.clinic.booking.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The practitioners of the network, for every feature that needs them. */
@Component
public class Practitioners {

  private final MongoTemplate mongo;

  Practitioners(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<Practitioner> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Practitioner.class));
  }

  /** @throws ProblemException 404 when there is no such practitioner */
  public Practitioner require(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("practitioner"));
  }

  /** Everyone with working hours at the clinic, by id. */
  public List<Practitioner> atClinic(String clinicId) {
    return mongo.find(query(where("workingHours.clinicId").is(clinicId)).with(Sort.by("_id")), Practitioner.class);
  }

  /** Everyone with working hours at the clinic who offers the treatment, by id. */
  public List<Practitioner> offering(String clinicId, String treatmentId) {
    return mongo.find(
        query(where("workingHours.clinicId").is(clinicId).and("treatmentIds").is(treatmentId))
            .with(Sort.by("_id")),
        Practitioner.class);
  }

  List<Practitioner> all() {
    return mongo.find(new Query().with(Sort.by("_id")), Practitioner.class);
  }

  void insert(Practitioner practitioner) {
    mongo.insert(practitioner);
  }

  /** Replaces the profile fields only; time off stays as it is. */
  boolean updateProfile(Practitioner changed) {
    Update update = new Update()
        .set("name", changed.name())
        .set("credentials", changed.credentials())
        .set("bio", changed.bio())
        .set("specialties", changed.specialties())
        .set("treatmentIds", changed.treatmentIds())
        .set("workingHours", changed.workingHours())
        .inc("version", 1);
    return mongo.updateFirst(query(where("_id").is(changed.id())), update, Practitioner.class)
        .getMatchedCount() == 1;
  }

  /** Sets the working hours only if nobody changed them since {@code readVersion}. */
  boolean replaceWorkingHours(String id, long readVersion, List<WorkingHours> hours) {
    return mongo.updateFirst(
            query(where("_id").is(id).and("version").is(readVersion)),
            new Update().set("workingHours", hours).inc("version", 1),
            Practitioner.class)
        .getMatchedCount() == 1;
  }

  void addTimeOff(String id, TimeOff timeOff) {
    mongo.updateFirst(query(where("_id").is(id)),
        new Update().push("timeOff", timeOff).inc("version", 1), Practitioner.class);
  }

  boolean removeTimeOff(String id, String timeOffId) {
    return mongo.updateFirst(
            query(where("_id").is(id).and("timeOff.timeOffId").is(timeOffId)),
            new Update().pull("timeOff", new Document("timeOffId", timeOffId)).inc("version", 1),
            Practitioner.class)
        .getModifiedCount() == 1;
  }
}
