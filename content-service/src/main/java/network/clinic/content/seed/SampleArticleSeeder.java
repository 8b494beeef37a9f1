package network.clinic.content.seed;

import network.clinic.content.ContentProperties;
import network.clinic.content.article.ArticleEditor;
import network.clinic.content.article.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Writes the sample articles into an empty database, published and network-wide, so a new
 * clinic website has something to show. A database with any article is left alone; two
 * instances starting together on an empty one both try, and the unique slug index lets each
 * article in once.
 */
@Component
class SampleArticleSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SampleArticleSeeder.class);

  private final Articles articles;
  private final ArticleEditor editor;
  private final boolean enabled;

  SampleArticleSeeder(Articles articles, ArticleEditor editor, ContentProperties properties) {
    this.articles = articles;
    this.editor = editor;
    this.enabled = properties.seed().enabled();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || !articles.isEmpty()) {
      return;
    }
    int written = 0;
    for (SampleArticles.Sample sample : SampleArticles.load()) {
      if (editor.seed(sample.slug(), sample.content(), sample.publishedAt())) {
        written++;
      }
    }
    log.info("Seeded {} sample articles into an empty database", written);
  }
}
