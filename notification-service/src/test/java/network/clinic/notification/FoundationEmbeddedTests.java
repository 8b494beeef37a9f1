package network.clinic.notification;

import network.clinic.testing.EmbeddedInfrastructure;
import network.clinic.testing.ServiceFoundationScenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

// The foundation checks need no sending, and no SMTP server runs for them.
@TestPropertySource(properties = "clinic.notification.dispatch.enabled=false")
class FoundationEmbeddedTests extends ServiceFoundationScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "notification-foundation");
  }
}
