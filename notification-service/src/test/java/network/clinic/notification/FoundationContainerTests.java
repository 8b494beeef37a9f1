package network.clinic.notification;

import network.clinic.testing.ContainerInfrastructure;
import network.clinic.testing.ServiceFoundationScenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
// The foundation checks need no sending, and no SMTP server runs for them.
@TestPropertySource(properties = "clinic.notification.dispatch.enabled=false")
class FoundationContainerTests extends ServiceFoundationScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ContainerInfrastructure.shared().register(registry, "notification-foundation");
  }
}
