package network.clinic.notification.message;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class StaffApiEmbeddedTests extends StaffApiScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    register(registry, EmbeddedInfrastructure.shared(), "notification-staff-api");
  }
}
