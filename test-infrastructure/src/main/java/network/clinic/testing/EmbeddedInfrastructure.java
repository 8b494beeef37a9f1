package network.clinic.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) and a MongoDB-wire server reached over TCP by the real
 * driver: what every integration test uses on a machine without Docker. Started once per test JVM
 * and shared, because a broker takes seconds to start and tests isolate by database and topic.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

  private static final EmbeddedInfrastructure SHARED = new EmbeddedInfrastructure();

  private final MongoServer mongo;
  private final String mongoAddress;
  private EmbeddedKafkaKraftBroker kafka;

  private EmbeddedInfrastructure() {
    mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress address = mongo.bind();
    mongoAddress = address.getHostString() + ":" + address.getPort();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
  }

  public static EmbeddedInfrastructure shared() {
    return SHARED;
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka().getBrokersAsString();
  }

  @Override
  public String mongoUri(String database) {
    return "mongodb://" + mongoAddress + "/" + database;
  }

  /** Started on first use: a service that uses no Kafka never waits for a broker. */
  public synchronized EmbeddedKafkaKraftBroker kafka() {
    if (kafka == null) {
      kafka = new EmbeddedKafkaKraftBroker(1, 3);
      kafka.afterPropertiesSet();
    }
    return kafka;
  }

  private synchronized void stop() {
    mongo.shutdownNow();
    if (kafka != null) {
      kafka.destroy();
    }
  }
}
