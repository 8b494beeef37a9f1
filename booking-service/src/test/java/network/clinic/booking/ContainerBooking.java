package network.clinic.booking;

import network.clinic.testing.ContainerInfrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at MongoDB 8 and Apache Kafka in containers (started on first use), database
 * {@value #DATABASE}. Classes using it are {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
public class ContainerBooking implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String DATABASE = "booking-scenarios-containers";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ContainerInfrastructure infrastructure = ContainerInfrastructure.shared();
    TestPropertyValues.of(
            "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
            "spring.mongodb.uri=" + infrastructure.mongoUri(DATABASE))
        .applyTo(context);
  }
}
