package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus configuration and alert rules as promtool sees them: both valid, and every alert
 * firing (and staying quiet) as ops/prometheus/alerts.test.yml says.
 */
class PrometheusRulesTests {

  private static final Path PROMETHEUS_DIR = LauncherProcess.repositoryRoot().resolve("ops/prometheus");

  @Test
  void configurationIsValidAndLoadsTheAlertRules() throws Exception {
    String output = Promtool.run(PROMETHEUS_DIR, "check", "config", "prometheus.yml");

    assertThat(output).contains("alerts.yml").contains("SUCCESS");
  }

  @Test
  void alertRulesAreValid() throws Exception {
    String output = Promtool.run(PROMETHEUS_DIR, "check", "rules", "alerts.yml");

    assertThat(output).contains("SUCCESS");
  }

  @Test
  void alertRulesPassTheirUnitTests() throws Exception {
    String output = Promtool.run(PROMETHEUS_DIR, "test", "rules", "alerts.test.yml");

    assertThat(output).contains("SUCCESS");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeMountsTheRulesWherePrometheusYmlLooksForThem() throws Exception {
    Map<?, ?> config = new Yaml().load(Files.readString(PROMETHEUS_DIR.resolve("prometheus.yml")));
    Map<?, ?> compose =
        new Yaml().load(Files.readString(LauncherProcess.repositoryRoot().resolve("docker-compose.yml")));
    Map<?, ?> prometheus = (Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("prometheus");

    // rule_files are resolved against the directory of the config file, /etc/prometheus
    assertThat((List<Object>) config.get("rule_files")).containsExactly("alerts.yml");
    assertThat((List<Object>) prometheus.get("volumes"))
        .contains("./ops/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
  }
}
