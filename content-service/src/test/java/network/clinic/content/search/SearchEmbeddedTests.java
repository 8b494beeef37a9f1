package network.clinic.content.search;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SearchEmbeddedTests extends SearchScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "content-search");
  }
}
