package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks docker-compose.yml as data, since no Docker engine is needed to read it: drift between the
 * compose file, the Dockerfile, the Prometheus configuration and what the applications actually
 * read fails the ordinary build instead of the first {@code docker compose up}.
 */
class ComposeFileTests {

  /** The app services, each a Maven module of the same name, with its documented port. */
  private static final Map<String, Integer> APP_PORTS =
      Map.of("booking-service", 8081, "notification-service", 8082, "content-service", 8083);

  /** Host ports of the infrastructure: each product's own default, which host tools expect. */
  private static final Map<String, Integer> INFRASTRUCTURE_PORTS =
      Map.of("kafka", 9092, "mongo", 27017, "mailpit", 8025, "prometheus", 9090, "grafana", 3000);

  private static final Path SERVICE_DEFAULTS =
      Path.of("service-support", "src", "main", "resources", "service-defaults.yml");

  private static final String PROMETHEUS_CONFIG_IN_CONTAINER = "/etc/prometheus/prometheus.yml";

  // ${NAME: or ${NAME} where NAME is an environment variable, not a property like ${spring.x}
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)[:}]");
  private static final Pattern SERVER_PORT_DEFAULT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z0-9_]+)}?");

  private static Path root;
  private static Map<String, Object> services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    root = repositoryRoot();
    services = map(readYaml(root.resolve("docker-compose.yml")).get("services"), "services");
    assertThat(services)
        .as("compose services")
        .containsKeys(APP_PORTS.keySet().toArray(String[]::new));
  }

  @Test
  void everyImageIsPinnedToAnExplicitTag() throws IOException {
    for (var entry : services.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = map(entry.getValue(), name);
      if (service.get("image") instanceof String image) {
        assertPinned(image, "image of " + name);
      }
      if (service.containsKey("build")) {
        assertDockerfileBaseImagesPinned(name, service.get("build"));
      }
      assertThat(service.containsKey("image") || service.containsKey("build"))
          .as("%s names an image or a build", name)
          .isTrue();
    }
  }

  @Test
  void appServicesSetOnlyEnvironmentVariablesTheirApplicationReads() throws IOException {
    String sharedConfig = Files.readString(root.resolve(SERVICE_DEFAULTS));
    for (String name : APP_PORTS.keySet()) {
      Set<String> readByApp = new TreeSet<>(placeholders(sharedConfig));
      readByApp.addAll(placeholders(Files.readString(applicationYml(name))));

      assertThat(environment(service(name)).keySet())
          .as(
              "environment of %s, each needing a ${NAME placeholder in %s or %s",
              name, root.relativize(applicationYml(name)), SERVICE_DEFAULTS)
          .isNotEmpty()
          .isSubsetOf(readByApp);
    }
  }

  @Test
  void publishedPortsAreTheDocumentedDefaults() throws IOException {
    for (var expected : INFRASTRUCTURE_PORTS.entrySet()) {
      assertThat(publishedPorts(service(expected.getKey())))
          .as("host ports published by %s", expected.getKey())
          .containsKey(expected.getValue());
    }
    for (var expected : APP_PORTS.entrySet()) {
      String name = expected.getKey();
      int documented = expected.getValue();
      Matcher appDefault = SERVER_PORT_DEFAULT.matcher(Files.readString(applicationYml(name)));
      assertThat(appDefault.find()).as("%s has a ${SERVER_PORT:n} default", name).isTrue();
      assertThat(Integer.parseInt(appDefault.group(1)))
          .as("default port of %s in its application.yml", name)
          .isEqualTo(documented);

      Map<Integer, Integer> published = publishedPorts(service(name));
      assertThat(published).as("host ports published by %s", name).containsKey(documented);
      assertThat(published.get(documented))
          .as("container port behind host port %d of %s, the port it listens on", documented, name)
          .isEqualTo(listeningPort(name));
    }
  }

  @Test
  void appServicesStartOnlyOnceTheirInfrastructureIsHealthy() throws IOException {
    for (String name : APP_PORTS.keySet()) {
      Object dependsOn = service(name).get("depends_on");
      assertThat(dependsOn)
          .as("%s depends_on, in long syntax so it can carry a condition", name)
          .isInstanceOf(Map.class);
      List<String> infrastructure = usesKafka(name) ? List.of("kafka", "mongo") : List.of("mongo");
      assertThat(map(dependsOn, name).keySet()).as("what %s waits for", name).containsAll(infrastructure);
      for (String dependency : infrastructure) {
        Map<String, Object> conditions =
            map(map(dependsOn, name).get(dependency), name + " -> " + dependency);
        assertThat(conditions.get("condition"))
            .as("condition on which %s waits for %s", name, dependency)
            .isEqualTo("service_healthy");
      }
    }
    // service_healthy never becomes true for a service that has no health check
    for (String dependency : List.of("kafka", "mongo")) {
      assertThat(service(dependency).get("healthcheck"))
          .as("healthcheck of %s", dependency)
          .isNotNull();
    }
  }

  @Test
  void onlyServicesThatUseKafkaAreGivenItsAddress() throws IOException {
    for (String name : APP_PORTS.keySet()) {
      Map<String, Object> environment = map(service(name).get("environment"), name + " environment");
      assertThat(environment.containsKey("KAFKA_BOOTSTRAP_SERVERS"))
          .as("%s gets KAFKA_BOOTSTRAP_SERVERS exactly when its build includes Kafka", name)
          .isEqualTo(usesKafka(name));
    }
  }

  /** A service uses Kafka when its own pom pulls in Spring Boot's Kafka starter. */
  private boolean usesKafka(String service) throws IOException {
    return Files.readString(root.resolve(service).resolve("pom.xml"))
        .contains("<artifactId>spring-boot-starter-kafka</artifactId>");
  }

  @Test
  void appServicesHaveAMemoryLimit() {
    for (String name : APP_PORTS.keySet()) {
      Map<String, Object> service = service(name);
      Object limit = service.get("mem_limit");
      if (limit == null
          && service.get("deploy") instanceof Map<?, ?> deploy
          && deploy.get("resources") instanceof Map<?, ?> resources
          && resources.get("limits") instanceof Map<?, ?> limits) {
        limit = limits.get("memory");
      }
      // Without one the JVM sizes its heap from the host's memory, not the container's
      assertThat(limit)
          .as("mem_limit or deploy.resources.limits.memory of %s", name)
          .isNotNull()
          .asString()
          .matches("\\d+(\\.\\d+)?\\s*[bkmgBKMG]?[bB]?");
    }
  }

  @Test
  void appServicesHaveAReadinessHealthcheck() {
    for (String name : APP_PORTS.keySet()) {
      Map<String, Object> healthcheck =
          map(service(name).get("healthcheck"), name + " healthcheck");
      assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotEqualTo(true);
      Object test = healthcheck.get("test");
      String command =
          test instanceof List<?> parts ? String.join(" ", strings(parts)) : String.valueOf(test);
      assertThat(command)
          .as("%s healthcheck test", name)
          .doesNotStartWith("NONE")
          .contains("/actuator/health/readiness");
    }
  }

  @Test
  void appImagesAreMultiStageAndRunAJre21AsANonRootUserWithAReadinessCheck() throws IOException {
    for (String name : APP_PORTS.keySet()) {
      Path file = dockerfile(name, service(name).get("build"));
      List<String> instructions = instructions(file);
      int lastFrom = -1;
      for (int i = 0; i < instructions.size(); i++) {
        if (keyword(instructions.get(i)).equals("FROM")) {
          lastFrom = i;
        }
      }
      // What the image runs is only what follows the last FROM; the build tools stay behind
      List<String> runtime = instructions.subList(lastFrom, instructions.size());
      assertThat(instructions.stream().filter(line -> keyword(line).equals("FROM")))
          .as("stages of %s", file).hasSizeGreaterThanOrEqualTo(2);
      assertThat(runtime.get(0)).as("runtime base image of %s", name).containsPattern(":21[.\\w-]*-jre");
      assertThat(runtime).as("runtime stage of %s copies from the build stage", name)
          .anyMatch(line -> keyword(line).equals("COPY") && line.contains("--from="));
      List<String> users = runtime.stream().filter(line -> keyword(line).equals("USER")).toList();
      assertThat(users).as("USER in the runtime stage of %s", name).isNotEmpty();
      String user = users.getLast().trim().split("\\s+")[1].split(":")[0];
      assertThat(user).as("the user %s runs as", name).isNotIn("root", "0");
      assertThat(runtime).as("HEALTHCHECK of %s", name)
          .anyMatch(line -> keyword(line).equals("HEALTHCHECK") && line.contains("/actuator/health/readiness"));
    }
  }

  @Test
  void prometheusScrapesEveryAppServiceByItsComposeName() throws IOException {
    Map<String, Object> config = readYaml(prometheusConfigMountedByCompose());
    Set<String> targets = new TreeSet<>();
    for (Object job : list(config.get("scrape_configs"), "scrape_configs")) {
      Map<String, Object> scrapeConfig = map(job, "scrape config");
      if (!"/actuator/prometheus".equals(scrapeConfig.get("metrics_path"))) {
        continue;
      }
      for (Object staticConfig :
          list(scrapeConfig.getOrDefault("static_configs", List.of()), "static_configs")) {
        targets.addAll(strings(list(map(staticConfig, "static config").get("targets"), "targets")));
      }
    }
    for (String name : APP_PORTS.keySet()) {
      assertThat(targets)
          .as("targets scraped at /actuator/prometheus")
          .contains(name + ":" + listeningPort(name));
    }
  }

  // --- the compose file ---

  private static Map<String, Object> service(String name) {
    assertThat(services).as("compose services").containsKey(name);
    return map(services.get(name), name);
  }

  /** Environment as a map whether compose lists it as a mapping or as NAME=value strings. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.getOrDefault("environment", Map.of());
    if (declared instanceof Map<?, ?> entries) {
      entries.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
    } else {
      for (String entry : strings(list(declared, "environment"))) {
        int equals = entry.indexOf('=');
        environment.put(
            equals < 0 ? entry : entry.substring(0, equals),
            equals < 0 ? "" : entry.substring(equals + 1));
      }
    }
    return environment;
  }

  private static Map<String, String> buildArgs(Map<String, Object> service) {
    Map<String, String> args = new LinkedHashMap<>();
    if (service.get("build") instanceof Map<?, ?> build
        && build.get("args") instanceof Map<?, ?> declared) {
      declared.forEach((key, value) -> args.put(String.valueOf(key), String.valueOf(value)));
    }
    return args;
  }

  /**
   * The port the app listens on in its container: SERVER_PORT if compose sets it, else the PORT
   * build argument (the Dockerfile turns it into SERVER_PORT), else the application's default.
   */
  private static int listeningPort(String name) throws IOException {
    Map<String, Object> service = service(name);
    String port = environment(service).get("SERVER_PORT");
    if (port == null) {
      port = buildArgs(service).get("PORT");
    }
    if (port == null) {
      Matcher appDefault = SERVER_PORT_DEFAULT.matcher(Files.readString(applicationYml(name)));
      assertThat(appDefault.find()).as("%s has a ${SERVER_PORT:n} default", name).isTrue();
      port = appDefault.group(1);
    }
    return Integer.parseInt(port);
  }

  /** Host port to container port, from the short ("[ip:]host:container[/proto]") or long syntax. */
  private static Map<Integer, Integer> publishedPorts(Map<String, Object> service) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (Object port : list(service.getOrDefault("ports", List.of()), "ports")) {
      if (port instanceof Map<?, ?> longSyntax) {
        if (longSyntax.get("published") != null) {
          ports.put(
              Integer.parseInt(String.valueOf(longSyntax.get("published"))),
              Integer.parseInt(String.valueOf(longSyntax.get("target"))));
        }
        continue;
      }
      String[] parts = String.valueOf(port).replaceFirst("/\\w+$", "").split(":");
      if (parts.length >= 2) {
        ports.put(
            Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
      }
    }
    return ports;
  }

  private static Path prometheusConfigMountedByCompose() {
    for (Object volume :
        list(service("prometheus").getOrDefault("volumes", List.of()), "prometheus volumes")) {
      String source;
      String target;
      if (volume instanceof Map<?, ?> longSyntax) {
        source = String.valueOf(longSyntax.get("source"));
        target = String.valueOf(longSyntax.get("target"));
      } else {
        String[] parts = String.valueOf(volume).split(":");
        source = parts[0];
        target = parts.length > 1 ? parts[1] : "";
      }
      if (target.equals(PROMETHEUS_CONFIG_IN_CONTAINER)) {
        Path config = root.resolve(source).normalize();
        assertThat(config).as("Prometheus config mounted by compose").isRegularFile();
        return config;
      }
    }
    return fail("prometheus mounts no file at " + PROMETHEUS_CONFIG_IN_CONTAINER);
  }

  // --- the Dockerfile ---

  private static Path dockerfile(String name, Object build) {
    // build: is either the context path or a mapping with context, dockerfile and args
    Map<String, Object> settings =
        build instanceof Map<?, ?> ? map(build, name + " build") : Map.of("context", build);
    Path context = root.resolve(String.valueOf(settings.getOrDefault("context", ".")));
    Path file = context.resolve(String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile")));
    assertThat(file).as("Dockerfile of %s", name).isRegularFile();
    return file;
  }

  private static void assertDockerfileBaseImagesPinned(String name, Object build)
      throws IOException {
    Path file = dockerfile(name, build);
    Map<String, String> args = buildArgs(service(name));

    List<String> stages = new ArrayList<>();
    Map<String, String> globalArgs = new LinkedHashMap<>();
    int froms = 0;
    for (String line : instructions(file)) {
      String[] words = line.trim().split("\\s+");
      String keyword = words[0].toUpperCase();
      if (keyword.equals("ARG") && froms == 0) {
        // Only ARGs before the first FROM can appear in a FROM line
        String[] declaration = words[1].split("=", 2);
        globalArgs.put(declaration[0], declaration.length > 1 ? declaration[1] : "");
      } else if (keyword.equals("FROM")) {
        froms++;
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
          if (!words[i].startsWith("--")) {
            operands.add(words[i]);
          }
        }
        String image = substitute(operands.get(0), globalArgs, args);
        if (!stages.contains(image) && !image.equals("scratch")) {
          assertPinned(image, "FROM " + operands.get(0) + " in " + root.relativize(file));
        }
        if (operands.size() == 3 && operands.get(1).equalsIgnoreCase("AS")) {
          stages.add(operands.get(2));
        }
      }
    }
    assertThat(froms).as("FROM lines in %s", file).isPositive();
  }

  private static String keyword(String instruction) {
    return instruction.trim().split("\\s+")[0].toUpperCase();
  }

  /** Instructions with line continuations joined and comments dropped. */
  private static List<String> instructions(Path dockerfile) throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.isBlank() || line.trim().startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
      } else {
        instructions.add(current.append(line).toString());
        current.setLength(0);
      }
    }
    return instructions;
  }

  /** Resolves $NAME and ${NAME} from compose build args, then the ARG defaults. */
  private static String substitute(
      String value, Map<String, String> defaults, Map<String, String> buildArgs) {
    Map<String, String> known = new HashMap<>(defaults);
    known.putAll(buildArgs);
    return VARIABLE
        .matcher(value)
        .replaceAll(
            match -> Matcher.quoteReplacement(known.getOrDefault(match.group(1), match.group())));
  }

  private static void assertPinned(String image, String where) {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int lastSlash = withoutDigest.lastIndexOf('/');
    int lastColon = withoutDigest.lastIndexOf(':');
    String tag = lastColon > lastSlash ? withoutDigest.substring(lastColon + 1) : "";
    assertThat(image).as("%s is fully resolved", where).doesNotContain("$");
    if (image.contains("@sha256:")) {
      return; // a digest pins more tightly than any tag
    }
    assertThat(tag)
        .as("tag of %s (%s)", where, image)
        .isNotBlank()
        .isNotEqualToIgnoringCase("latest");
  }

  // --- the applications ---

  private static Path applicationYml(String service) {
    Path file = root.resolve(Path.of(service, "src", "main", "resources", "application.yml"));
    assertThat(file).as("application.yml of module %s", service).isRegularFile();
    return file;
  }

  private static Set<String> placeholders(String yaml) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(yaml);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  // --- plumbing ---

  /** Tests run in the module directory; the compose file sits at the reactor root above it. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return fail(
        "no directory with docker-compose.yml and mvnw above " + Path.of("").toAbsolutePath());
  }

  private static Map<String, Object> readYaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return map(new Yaml().load(reader), file.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    assertThat(value).as(what).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value, String what) {
    assertThat(value).as(what).isInstanceOf(List.class);
    return (List<?>) value;
  }

  private static List<String> strings(List<?> values) {
    return values.stream().map(String::valueOf).toList();
  }
}
