package network.clinic.content.search;

import network.clinic.content.ContentProperties;
import network.clinic.content.rendering.MarkdownRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  ArticleIndex articleIndex(MarkdownRenderer renderer, ContentProperties properties) {
    return new ArticleIndex(renderer, properties.search().indexDirectory());
  }
}
