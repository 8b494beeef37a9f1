package network.clinic.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * An Apache Kafka container of one test's own ({@value ContainerInfrastructure#KAFKA_IMAGE}). Down
 * means paused: the process is frozen with its data and ports, so clients' connections hang and
 * time out as they would on a network partition, and resume at the same address once unpaused.
 */
public final class ContainerInterruptibleKafka implements InterruptibleKafka {

  private final KafkaContainer kafka = new KafkaContainer(ContainerInfrastructure.KAFKA_IMAGE);

  public ContainerInterruptibleKafka() {
    kafka.start();
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public void takeDown() {
    DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void bringBack() {
    DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
  }

  @Override
  public void close() {
    kafka.stop();
  }
}
