package network.clinic.booking;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at the embedded broker and wire server, database {@value #DATABASE}. One
 * initializer for all embedded booking scenarios, so they share one cached context.
 */
public class EmbeddedBooking implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String DATABASE = "booking-scenarios-embedded";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
    TestPropertyValues.of(
            "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
            "spring.mongodb.uri=" + infrastructure.mongoUri(DATABASE))
        .applyTo(context);
  }
}
