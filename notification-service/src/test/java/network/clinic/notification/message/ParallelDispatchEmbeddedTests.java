package network.clinic.notification.message;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ParallelDispatchEmbeddedTests extends ParallelDispatchScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    register(registry, EmbeddedInfrastructure.shared(), "notification-parallel");
  }
}
