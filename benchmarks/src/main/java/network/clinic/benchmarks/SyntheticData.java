package network.clinic.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes what the services would have written, straight into their databases, so the scaling
 * benchmarks reach 100,000 appointments and 10,000 articles in seconds rather than hours of API
 * calls. Shapes follow booking's Bookings/AppointmentStore and content's Article.
 */
final class SyntheticData implements AutoCloseable {

  static final String SYNTHETIC_PREFIX = "apt-synthetic-";
  private static final Duration CELL = Duration.ofMinutes(5);

  private final MongoClient client;
  private final MongoCollection<Document> appointments;
  private final MongoCollection<Document> articles;
  private final MongoCollection<Document> contentChanges;

  SyntheticData(String bookingUri, String contentUri) {
    // Both databases live on the one wire server.
    this.client = MongoClients.create(bookingUri.substring(0, bookingUri.lastIndexOf('/')));
    this.appointments = client.getDatabase("booking").getCollection("appointments");
    this.articles = client.getDatabase("content").getCollection("articles");
    this.contentChanges = client.getDatabase("content").getCollection("content_changes");
  }

  /**
   * The collection's document count from its metadata: {@code countDocuments} is an aggregation,
   * which the wire server answers by reading every document, and this is asked after every batch.
   */
  long appointmentCount() {
    return appointments.estimatedDocumentCount();
  }

  /**
   * An already-relayed booking (no pending outbox, so the relay ignores it), 30 min + 10 min
   * buffer, claiming its 5-minute cells as booking does.
   */
  static Document appointment(long n, String clinicId, String practitionerId, Instant start) {
    Instant end = start.plus(Duration.ofMinutes(30));
    List<String> claims = new ArrayList<>();
    for (Instant cell = start; cell.isBefore(end.plus(Duration.ofMinutes(10))); cell = cell.plus(CELL)) {
      claims.add(practitionerId + "|" + cell);
    }
    byte[] hash = new byte[32];
    ThreadLocalRandom.current().nextBytes(hash);
    Date now = new Date();
    return new Document("_id", SYNTHETIC_PREFIX + n)
        .append("status", "BOOKED")
        .append("clinicId", clinicId)
        .append("practitionerId", practitionerId)
        .append("treatmentId", "cupping")
        .append("start", Date.from(start))
        .append("end", Date.from(end))
        .append("bufferMinutes", 10)
        .append("claims", claims)
        .append("patient", new Document("name", "Synthetic Patient").append("email", "synthetic-" + n + "@example.com")
            .append("phone", null).append("consent", new Document("email", false).append("sms", false)))
        .append("patientKey", HexFormat.of().formatHex(hash))
        .append("note", null)
        .append("manageTokenHash", HexFormat.of().formatHex(hash))
        .append("sequence", 1L)
        .append("createdAt", now)
        .append("history", List.of(new Document("action", "BOOKED").append("at", now).append("by", "patient")
            .append("start", Date.from(start))))
        .append("outbox", List.of());
  }

  void insertAppointments(List<Document> batch) {
    if (!batch.isEmpty()) {
      appointments.insertMany(batch);
    }
  }

  void deleteSyntheticAppointments() {
    appointments.deleteMany(Filters.regex("_id", "^" + SYNTHETIC_PREFIX));
  }

  long publishedArticleCount() {
    return articles.countDocuments(Filters.eq("status", "PUBLISHED"));
  }

  /** Copies of a seeded published article under new slugs, then one bump of the change counter. */
  void cloneArticles(int from, int count) {
    Document template = articles.find(Filters.eq("status", "PUBLISHED")).first();
    if (template == null) {
      throw new IllegalStateException("no published article to copy (content seed disabled?)");
    }
    List<Document> batch = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Document copy = new Document(template);
      copy.put("_id", template.get("_id") instanceof ObjectId ? new ObjectId() : "bench-article-" + i);
      copy.put("slug", "bench-article-" + i);
      copy.put("title", template.getString("title") + " (copy " + i + ")");
      copy.put("version", 0L);
      batch.add(copy);
      if (batch.size() == 500) {
        articles.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      articles.insertMany(batch);
    }
    contentChanges.updateOne(Filters.eq("_id", "articles"), Updates.inc("sequence", 1L), new UpdateOptions().upsert(true));
  }

  @Override
  public void close() {
    client.close();
  }
}
