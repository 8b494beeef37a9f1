package network.clinic.testing;

/**
 * A Kafka broker of one test's own that can go away and come back while the services using it keep
 * running: for scenarios about broker outages, which must not disturb the broker shared by the
 * other tests of the JVM. Clients keep the same bootstrap address throughout.
 */
public interface InterruptibleKafka extends AutoCloseable {

  String bootstrapServers();

  /** From now on clients cannot reach the broker; connections open now are cut or hang. */
  void takeDown();

  /** The broker is reachable again, at the same address, with everything it held before. */
  void bringBack();

  @Override
  void close();
}
