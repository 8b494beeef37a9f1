package network.clinic.content;

import network.clinic.testing.ContainerInfrastructure;
import network.clinic.testing.ServiceFoundationScenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class FoundationContainerTests extends ServiceFoundationScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ContainerInfrastructure.shared().register(registry, "content-foundation");
  }
}
