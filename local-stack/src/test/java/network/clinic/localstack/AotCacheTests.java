package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

  @TempDir Path temp;

  @Test
  void aJarThatCannotBeTrainedStartsPlainly() throws Exception {
    Path jar = Files.writeString(temp.resolve("broken-service.jar"), "not a jar");

    AotCache.Launch launch =
        AotCache.prepare("broken-service", jar, Map.of(), List.of(), temp.resolve("aot-cache"), temp.resolve("logs/training.log"));

    assertThat(launch).isEqualTo(AotCache.Launch.plain(jar));
  }

  @Test
  void aRebuiltJarGetsACacheOfItsOwn() throws Exception {
    Path jar = Files.writeString(temp.resolve("service.jar"), "build 1");
    String first = AotCache.contentKey(jar);
    String same = AotCache.contentKey(jar);
    Files.writeString(jar, "build 2");

    assertThat(same).isEqualTo(first).hasSize(16);
    assertThat(AotCache.contentKey(jar)).isNotEqualTo(first);
  }
}
