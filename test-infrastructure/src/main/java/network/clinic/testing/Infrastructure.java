package network.clinic.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a service under test finds Kafka and MongoDB. Scenarios are written once against this and
 * run twice: on {@link EmbeddedInfrastructure} (always) and {@link ContainerInfrastructure} (where
 * a Docker engine exists).
 */
public interface Infrastructure {

  String kafkaBootstrapServers();

  /** A connection string for {@code database}; each test class may take a fresh one. */
  String mongoUri(String database);

  default void register(DynamicPropertyRegistry registry, String database) {
    registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
    registry.add("spring.mongodb.uri", () -> mongoUri(database));
  }
}
