package network.clinic.content.importing;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ImportEmbeddedTests extends ImportScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "content-import");
  }
}
