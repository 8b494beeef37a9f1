package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The provisioned Grafana dashboards are well-formed without a Grafana to load them. */
class GrafanaDashboardsTests {

  private static final Path PROVISIONING = LauncherProcess.repositoryRoot().resolve("ops/grafana/provisioning");

  @Test
  void theFourDashboardsExistWithUniqueUids() {
    List<String> titles = new ArrayList<>();
    Set<String> uids = new HashSet<>();
    for (Path file : PromQlNames.dashboards()) {
      JsonNode dashboard = PromQlNames.readDashboard(file);
      titles.add(dashboard.path("title").asString());
      assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid in %s", file).isTrue();
      assertThat(dashboard.path("uid").asString()).as("uid of %s", file).matches("[a-z0-9-]{1,40}");
      assertThat(dashboard.path("schemaVersion").asInt()).as("schemaVersion of %s", file).isPositive();
    }

    assertThat(titles)
        .containsExactlyInAnyOrder("Clinic network", "Booking API", "Events and notifications", "JVM and resources");
  }

  @Test
  void everyPanelQueriesTheProvisionedDatasource() throws Exception {
    String datasourceUid = provisionedDatasourceUid();
    for (Path file : PromQlNames.dashboards()) {
      JsonNode dashboard = PromQlNames.readDashboard(file);
      Set<Integer> ids = new HashSet<>();
      assertThat(dashboard.path("panels").isArray() && !dashboard.path("panels").isEmpty()).as("panels in %s", file).isTrue();
      for (JsonNode panel : dashboard.path("panels")) {
        String where = file.getFileName() + " / " + panel.path("title").asString();
        assertThat(ids.add(panel.path("id").asInt())).as("unique panel id: %s", where).isTrue();
        assertThat(panel.path("type").asString()).as("type of %s", where).isNotBlank();
        assertThat(panel.path("gridPos").path("w").asInt()).as("width of %s", where).isBetween(1, 24);
        if ("row".equals(panel.path("type").asString())) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asString()).as("datasource of %s", where).isEqualTo(datasourceUid);
        assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty()).as("targets of %s", where).isTrue();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("refId").asString()).as("refId in %s", where).isNotBlank();
          assertThat(target.path("expr").asString()).as("expr in %s", where).isNotBlank();
          assertThat(target.path("datasource").path("uid").asString()).as("target datasource in %s", where).isEqualTo(datasourceUid);
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        assertThat(variable.path("datasource").path("uid").asString())
            .as("datasource of variable %s in %s", variable.path("name").asString(), file)
            .isEqualTo(datasourceUid);
      }
    }
  }

  @Test
  void everyDashboardQueryIsValidPromQl(@TempDir Path temp) throws Exception {
    // promtool has no "check expression": each query becomes a recording rule, with Grafana's
    // variables replaced by what Grafana would put there.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    int index = 0;
    for (Map.Entry<String, String> query : PromQlNames.dashboardExpressions().entrySet()) {
      if (query.getValue().startsWith("label_values(")) {
        continue;
      }
      String expression =
          query.getValue()
              .replace("$__rate_interval", "1m")
              .replace("$__range", "1h")
              .replaceAll("\\$\\w+", ".*");
      rules.append("      - record: dashboard:query_").append(index++).append('\n')
          .append("        # ").append(query.getKey().replace('\n', ' ')).append('\n')
          .append("        expr: '").append(expression.replace("'", "''")).append("'\n");
    }
    Files.writeString(temp.resolve("dashboard-queries.yml"), rules);

    String output = Promtool.run(temp, "check", "rules", "dashboard-queries.yml");

    assertThat(output).contains("SUCCESS: " + index + " rules found");
  }

  @Test
  void everyAlertSaysWhatItIsAndWhatToDo() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> file = new Yaml().load(Files.readString(PromQlNames.ALERTS));
    int alerts = 0;
    for (Object group : (List<?>) file.get("groups")) {
      for (Object item : (List<?>) ((Map<?, ?>) group).get("rules")) {
        Map<?, ?> rule = (Map<?, ?>) item;
        Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
        for (String annotation : List.of("summary", "description", "runbook")) {
          assertThat(annotations.get(annotation)).as("%s of %s", annotation, rule.get("alert")).asString().isNotBlank();
        }
        assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as("severity of %s", rule.get("alert")).isIn("page", "warn");
        alerts++;
      }
    }
    assertThat(alerts).isGreaterThanOrEqualTo(8);
  }

  @Test
  void metricNamesAreReadFromPromQl() {
    assertThat(PromQlNames.metricNames(
            "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{application=\"x\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
        .containsExactly("http_server_requests_seconds_bucket");
    assertThat(PromQlNames.metricNames(
            "max by (application) (a_total) > 1e3 and delta(max by (client_id) (b_lag)[10m:1m]) > 0 unless on(job) up"))
        .containsExactly("a_total", "b_lag", "up");
    assertThat(PromQlNames.metricNames("sum(increase(x_total{clinic=~\"$clinic\"}[$__range])) / sum(y_total)"))
        .containsExactly("x_total", "y_total");
    assertThat(PromQlNames.metricNames("label_values(booking_appointments_booked_total, clinic)"))
        .containsExactly("booking_appointments_booked_total");
  }

  private static String provisionedDatasourceUid() throws Exception {
    Map<?, ?> file = new Yaml().load(Files.readString(PROVISIONING.resolve("datasources/prometheus.yml")));
    List<?> datasources = (List<?>) file.get("datasources");
    assertThat(datasources).hasSize(1);
    return String.valueOf(((Map<?, ?>) datasources.get(0)).get("uid"));
  }
}
