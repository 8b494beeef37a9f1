package network.clinic.content.importing;

import network.clinic.testing.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ImportContainerTests extends ImportScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ContainerInfrastructure.shared().register(registry, "content-import");
  }
}
