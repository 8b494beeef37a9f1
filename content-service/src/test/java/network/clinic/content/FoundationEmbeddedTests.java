package network.clinic.content;

import network.clinic.testing.EmbeddedInfrastructure;
import network.clinic.testing.ServiceFoundationScenarios;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class FoundationEmbeddedTests extends ServiceFoundationScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "content-foundation");
  }
}
