package network.clinic.content.article;

import network.clinic.testing.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ArticleApiContainerTests extends ArticleApiScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ContainerInfrastructure.shared().register(registry, "content-article-api");
  }
}
