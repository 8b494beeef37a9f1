package network.clinic.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real images: MongoDB 8 as a single-node replica set and Apache Kafka in KRaft mode. Test
 * classes that use it are annotated {@code @Testcontainers(disabledWithoutDocker = true)} so they
 * are reported skipped, not failed, where no Docker engine runs.
 */
public final class ContainerInfrastructure implements Infrastructure {

  public static final String MONGO_IMAGE = "mongo:8.0";
  public static final String KAFKA_IMAGE = "apache/kafka:4.2.0";

  private static ContainerInfrastructure shared;

  private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
  private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

  private ContainerInfrastructure() {
    mongo.start();
    kafka.start();
  }

  /** Started on first use only, so merely loading a skipped test class pulls no image. */
  public static synchronized ContainerInfrastructure shared() {
    if (shared == null) {
      shared = new ContainerInfrastructure();
    }
    return shared;
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String mongoUri(String database) {
    return mongo.getReplicaSetUrl(database);
  }
}
