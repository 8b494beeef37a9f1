package network.clinic.content.article;

import network.clinic.testing.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ArticleApiEmbeddedTests extends ArticleApiScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "content-article-api");
  }
}
