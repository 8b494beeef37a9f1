package network.clinic.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL expressions of the repository's dashboards and alert rules, and the metric names
 * they use. Names are kept exactly as written (a {@code _bucket} stays a {@code _bucket}), so they
 * can be compared with the sample names a service exposes: a histogram's buckets are only there
 * if the service publishes a histogram, not just a timer.
 */
final class PromQlNames {

  static final Path DASHBOARDS = LauncherProcess.repositoryRoot().resolve("ops/grafana/dashboards");
  static final Path ALERTS = LauncherProcess.repositoryRoot().resolve("ops/prometheus/alerts.yml");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");

  private PromQlNames() {}

  /** Metric names in one PromQL expression (Grafana variables such as $__range are fine). */
  static Set<String> metricNames(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher labelValues = LABEL_VALUES.matcher(expression);
    if (labelValues.find()) {
      names.add(labelValues.group(1));
      return names;
    }
    String stripped = STRING.matcher(expression).replaceAll(" ");
    stripped = LABEL_MATCHERS.matcher(stripped).replaceAll(" ");
    stripped = RANGES.matcher(stripped).replaceAll(" ");
    stripped = GROUPING.matcher(stripped).replaceAll(" ");
    stripped = stripped.replaceAll("\\$\\w+", " ");
    Matcher identifier = IDENTIFIER.matcher(stripped);
    while (identifier.find()) {
      String name = identifier.group();
      int next = identifier.end();
      while (next < stripped.length() && Character.isWhitespace(stripped.charAt(next))) {
        next++;
      }
      boolean function = next < stripped.length() && stripped.charAt(next) == '(';
      boolean numberPart = identifier.start() > 0 && Character.isDigit(stripped.charAt(identifier.start() - 1));
      if (!function && !numberPart && !KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every dashboard file under ops/grafana/dashboards. */
  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readDashboard(Path file) {
    return JSON.readTree(file.toFile());
  }

  /** "where: expression" for every panel target and query variable of every dashboard. */
  static Map<String, String> dashboardExpressions() {
    Map<String, String> expressions = new java.util.LinkedHashMap<>();
    for (Path file : dashboards()) {
      JsonNode dashboard = readDashboard(file);
      for (JsonNode panel : dashboard.path("panels")) {
        int index = 0;
        for (JsonNode target : panel.path("targets")) {
          expressions.put(
              file.getFileName() + " / " + panel.path("title").asString() + " / " + index++,
              target.path("expr").asString());
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        expressions.put(
            file.getFileName() + " / variable " + variable.path("name").asString(),
            variable.path("query").path("query").asString());
      }
    }
    return expressions;
  }

  /** "alert name: expression" for every rule of ops/prometheus/alerts.yml. */
  @SuppressWarnings("unchecked")
  static Map<String, String> alertExpressions() {
    Map<String, String> expressions = new java.util.LinkedHashMap<>();
    try {
      Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
      for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          expressions.put("alerts.yml / " + rule.get("alert"), String.valueOf(rule.get("expr")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expressions;
  }

  static List<String> allExpressions() {
    List<String> all = new ArrayList<>(dashboardExpressions().values());
    all.addAll(alertExpressions().values());
    return all;
  }
}
