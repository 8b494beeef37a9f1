package network.clinic.support.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether MongoDB answers a {@code ping}. Replaces Spring Boot's check, which sends
 * {@code hello}: the embedded wire server used locally and in tests does not know that command,
 * while {@code ping} works there and on every real MongoDB.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoClient mongoClient;

  MongoPingHealthIndicator(MongoClient mongoClient) {
    super("MongoDB health check failed");
    this.mongoClient = mongoClient;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document reply = mongoClient.getDatabase("admin").runCommand(new Document("ping", 1));
    builder.status(reply.get("ok", Number.class).intValue() == 1 ? "UP" : "DOWN");
  }
}
