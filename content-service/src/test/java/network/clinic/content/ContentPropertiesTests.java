package network.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ContentPropertiesTests {

  @Test
  void aBlankIndexDirectoryKeepsTheIndexInMemory() {
    // application.yml turns an unset CONTENT_SEARCH_INDEX_DIR into an empty value: that must not
    // become the working directory
    assertThat(bind(Map.of("clinic.content.search.index-directory", "")).search().indexDirectory()).isNull();
    assertThat(bind(Map.of()).search().indexDirectory()).isNull();
  }

  @Test
  void aConfiguredIndexDirectoryIsUsed() {
    assertThat(bind(Map.of("clinic.content.search.index-directory", "/var/lib/content/index")).search().indexDirectory())
        .isEqualTo(Path.of("/var/lib/content/index"));
  }

  private static ContentProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("clinic.content", ContentProperties.class);
  }
}
