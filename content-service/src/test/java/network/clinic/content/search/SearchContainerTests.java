package network.clinic.content.search;

import network.clinic.testing.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class SearchContainerTests extends SearchScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ContainerInfrastructure.shared().register(registry, "content-search");
  }
}
