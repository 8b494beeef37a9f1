package network.clinic.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.clinic.localstack.LocalStack;
import network.clinic.localstack.PortCheck;
import network.clinic.localstack.ServiceProcess;
import network.clinic.localstack.StackSettings;
import org.bson.Document;

/**
 * The benchmark suite: starts the local stack on free loopback ports and a temporary data folder,
 * measures everything in one run (so ratios compare like with like on a noisy machine), prints a
 * Markdown table and writes benchmarks/results/latest.json and latest.svg. Run by benchmarks/run.sh.
 */
public final class BenchmarkSuite {

  private static final List<String> PORT_VARIABLES = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGODB_PORT",
      "SMTP_PORT", "MAIL_VIEWER_PORT", "BOOKING_PORT", "NOTIFICATION_PORT", "CONTENT_PORT");
  private static final List<String> SERVICES = List.of("booking-service", "notification-service", "content-service");
  static final String CLINIC = "bench-clinic";
  static final String SCALING_CLINIC = "bench-scaling";
  static final String TREATMENT = "cupping";
  static final int PRACTITIONERS = 32;
  private static final String DEFAULT_JAVA_OPTS = StackSettings.DEFAULT_SERVICE_JAVA_OPTIONS;
  private static final List<String> ALL_PARTS = List.of("content", "events", "booking", "scaling", "footprint");

  private final Http http = new Http();
  private final List<Measurement> rows = new ArrayList<>();
  private final Map<String, Object> context = new LinkedHashMap<>();
  private final Duration runTime;
  private final List<String> parts;
  private final Wrk wrk;
  private LocalStack stack;
  private String booking;
  private String content;
  private String adminToken;
  private long slotBase;
  private long slotEpoch;
  private final List<Double> singleAvailabilityMs = new ArrayList<>();
  private final List<String> settled = new ArrayList<>();

  private BenchmarkSuite(Path root, Duration runTime, List<String> parts) {
    this.runTime = runTime;
    this.parts = parts;
    this.wrk = new Wrk(root.resolve("benchmarks/wrk"), runTime);
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Duration runTime = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "10")));
    List<String> parts = Arrays.stream(System.getenv().getOrDefault("BENCH_PARTS", String.join(",", ALL_PARTS)).split(","))
        .map(String::strip).toList();
    if (!ALL_PARTS.containsAll(parts)) {
      throw new IllegalArgumentException("BENCH_PARTS takes some of " + ALL_PARTS + ", not " + parts);
    }
    Path data = Files.createTempDirectory("clinic-benchmark-");
    System.setProperty("localstack.logs", data.resolve("logs").toString());
    new BenchmarkSuite(root, runTime, parts).run(root, data);
  }

  private void run(Path root, Path data) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("LOCAL_STACK_DATA", data.toString());
    PORT_VARIABLES.forEach(name -> env.put(name, String.valueOf(PortCheck.anyFreePort())));
    String javaOpts = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
    env.put("SERVICE_JAVA_OPTS", javaOpts);
    env.put("SERVICE_AOT_CACHE", System.getenv().getOrDefault("BENCH_AOT_CACHE", "on"));
    stack = LocalStack.create(env, root)
        .withServiceEnvironment("booking-service", Map.of(
            "BOOKING_RATE_LIMIT_CAPACITY", "1000000000",
            "MAX_UPCOMING_APPOINTMENTS_PER_PATIENT", "1000"));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "benchmark-stop"));
    booking = "http://127.0.0.1:" + stack.settings().bookingPort();
    content = "http://127.0.0.1:" + stack.settings().contentPort();
    context.put("date", Instant.now().toString());
    context.put("cpus", Runtime.getRuntime().availableProcessors());
    context.put("java", Runtime.version().toString());
    context.put("service JVM options", javaOpts);
    context.put("suite JVM max heap, for the wire server, Kafka and SMTP (MB)", Runtime.getRuntime().maxMemory() >> 20);
    context.put("services start from a JDK AOT cache (SERVICE_AOT_CACHE)", env.get("SERVICE_AOT_CACHE"));
    context.put("seconds per wrk run", runTime.toSeconds());
    context.put("HTTP load tool", "wrk 4.1 (Debian), closed loop, latency percentiles from wrk's own histogram");
    context.put("event latency", "open loop at a fixed rate, HdrHistogram");

    progress("starting the local stack (data in " + data + ")");
    stack.start();
    try (SyntheticData synthetic = new SyntheticData(stack.settings().mongoUri("booking"), stack.settings().mongoUri("content"))) {
      adminToken = stack.devTokens().getFirst().token();
      setUpNetwork();
      // Bookings and events before the scaling data, so 100,000 synthetic appointments are
      // measured in the scaling rows that are about them, not in every booking.
      if (parts.contains("content")) {
        contentBenchmarks();
      }
      if (parts.contains("events") || parts.contains("booking")) {
        bookingWarmUp();
      }
      if (parts.contains("events")) {
        eventBenchmarks();
      }
      if (parts.contains("booking")) {
        bookingBenchmarks();
      }
      if (parts.contains("scaling")) {
        int clonedArticles = searchScaling(synthetic);
        availabilityScaling(synthetic);
        // Last: reading every article moves tens of MB through the wire server, which should not
        // weigh on the availability rows
        articlesInTurn(clonedArticles);
      }
      Map<String, Long> rssAfterRun = rssAfterRun();
      List<Report.Footprint> footprints = parts.contains("footprint") ? footprints(data, rssAfterRun) : List.of();
      context.put("waited for a quiet machine (CPUs under 15 % busy for 1 s) before (s)", String.join(", ", settled));
      if (!parts.containsAll(ALL_PARTS)) {
        System.out.println(Report.markdown(rows, footprints, List.of(), context));
        System.out.println("Only " + parts + " ran (BENCH_PARTS): no floors, nothing written to benchmarks/results");
        return;
      }
      List<Report.Floor> floors = floors(footprints);
      String markdown = Report.markdown(rows, footprints, floors, context);
      System.out.println();
      System.out.println(markdown);
      Path results = root.resolve("benchmarks/results");
      Report.json(results.resolve("latest.json"), rows, footprints, floors, context);
      Report.svg(results.resolve("latest.svg"), rows, "Clinic Network: closed-loop throughput, one run (" + context.get("date") + ")");
      Files.writeString(results.resolve("latest.md"), markdown);
      System.out.println("Wrote " + results.resolve("latest.json") + ", latest.svg and latest.md");
    } finally {
      stack.stop();
    }
  }

  // ---- setup -------------------------------------------------------------------------------

  /** Two synthetic clinics open round the clock on UTC: no DST, an hourly grid, a two-year horizon. */
  private void setUpNetwork() {
    for (String clinic : List.of(CLINIC, SCALING_CLINIC)) {
      List<Map<String, Object>> hours = new ArrayList<>();
      for (DayOfWeek day : DayOfWeek.values()) {
        hours.add(Map.of("day", day.name(), "opens", "00:00", "closes", "23:59"));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", "Benchmark " + clinic);
      body.put("address", "1 Loopback Lane");
      body.put("phone", "+441632960000");
      body.put("email", clinic + "@example.com");
      body.put("zoneId", "UTC");
      body.put("currency", "GBP");
      body.put("openingHours", hours);
      body.put("slotMinutes", 60);
      body.put("minimumNoticeMinutes", 0);
      body.put("horizonDays", 730);
      body.put("cancellationCutoffHours", 0);
      body.put("reminderLeadHours", 24);
      http.require("PUT", booking + "/api/v1/clinics/" + clinic, body, admin(), 200, 201);
    }
    for (int i = 0; i < PRACTITIONERS; i++) {
      practitioner("bench-p-" + i, CLINIC);
    }
    practitioner("bench-s-0", SCALING_CLINIC);
    practitioner("bench-s-1", SCALING_CLINIC);
    // Slots from three days ahead: reminders (24 h before) stay in the future during the run.
    slotEpoch = LocalDate.now(ZoneOffset.UTC).plusDays(3).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    int status = bookOne(slotBase++, "setup");
    if (status != 201) {
      throw new IllegalStateException("a benchmark booking was refused with " + status);
    }
  }

  private void practitioner(String id, String clinic) {
    List<Map<String, Object>> hours = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      hours.add(Map.of("clinicId", clinic, "day", day.name(), "start", "00:00", "end", "23:59"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Bench " + id);
    body.put("credentials", "Lic.Ac.");
    body.put("specialties", List.of());
    body.put("treatmentIds", List.of(TREATMENT));
    body.put("workingHours", hours);
    http.require("PUT", booking + "/api/v1/practitioners/" + id, body, admin(), 200, 201);
  }

  private Map<String, String> admin() {
    return Map.of("Authorization", "Bearer " + adminToken);
  }

  /** Same slot mapping as wrk/book.lua, so Java and wrk bookings never collide. */
  private int bookOne(long index, String run) {
    String start = Instant.ofEpochSecond(slotEpoch + (index / PRACTITIONERS) * 3600).toString();
    Map<String, Object> body = Map.of("clinicId", CLINIC, "practitionerId", "bench-p-" + (index % PRACTITIONERS),
        "treatmentId", TREATMENT, "start", start,
        "patient", Map.of("name", "Bench Patient", "email", "bench-" + run + "-" + index + "@example.com",
            "consent", Map.of("email", false, "sms", false)));
    return http.send("POST", booking + "/api/v1/appointments", body, Map.of()).status();
  }

  // ---- content -----------------------------------------------------------------------------

  private static void progress(String step) {
    System.out.println("[benchmark " + java.time.LocalTime.now().withNano(0) + "] " + step);
  }

  private void contentBenchmarks() {
    progress("content: trivial, article by slug, 304, list");
    Http.Response list = http.require("GET", content + "/api/v1/articles?limit=20", null, Map.of(), 200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) Http.map(list.body()).get("items");
    String slug = (String) items.getFirst().get("slug");
    String article = content + "/api/v1/articles/" + slug;
    String etag = http.require("GET", article, null, Map.of(), 200).raw().headers().firstValue("ETag")
        .orElseThrow(() -> new IllegalStateException("no ETag on " + article));
    http.require("GET", article, null, Map.of("If-None-Match", etag), 304);
    String trivial = content + "/actuator/health/liveness";
    warmUpUntilSteady("content", trivial, List.of(article, content + "/api/v1/articles?limit=20"));
    settle("content");
    rows.add(wrk.get(trivial, 16, Map.of()).as("content", "trivial: GET /actuator/health/liveness", 16));
    rows.add(wrk.get(article, 16, Map.of()).as("content", "article by slug", 16));
    rows.add(wrk.get(article, 16, Map.of("If-None-Match", etag)).as("content", "article by slug, If-None-Match → 304", 16));
    rows.add(wrk.get(content + "/api/v1/articles?limit=20", 16, Map.of()).as("content", "article list (20)", 16));
  }

  /**
   * Warms a service in rounds (its ceiling, then each endpoint) until the ceiling's throughput
   * moves less than 10 % between rounds, at most six. One round was not enough for content-service:
   * its ceiling rose from ~3,400/s to ~8,000/s over the next minute of load, so ratios against a
   * ceiling measured after one round came out too high (article by slug 72 % against 47 % warm).
   */
  private void warmUpUntilSteady(String part, String ceiling, List<String> endpoints) {
    List<String> rounds = new ArrayList<>();
    double previous = 0;
    for (int round = 1; round <= 6; round++) {
      double perSecond = wrk.get(ceiling, 16, Map.of(), Duration.ofSeconds(5)).perSecond();
      rounds.add(String.format(Locale.ROOT, "%.0f", perSecond));
      warmUp(endpoints);
      if (previous > 0 && Math.abs(perSecond - previous) < 0.10 * previous) {
        break;
      }
      previous = perSecond;
    }
    context.put(part + " warm-up: ceiling per s in each round until steady", String.join(", ", rounds));
  }

  private void warmUp(List<String> urls) {
    for (String url : urls) {
      wrk.get(url, 8, Map.of(), Duration.ofSeconds(Math.max(3, runTime.toSeconds() / 2)));
    }
  }

  /** Returns how many articles it cloned (bench-article-0, -1, ...). */
  private int searchScaling(SyntheticData synthetic) throws InterruptedException {
    progress("scaling: search with 100 and 10,000 articles");
    String search = content + "/api/v1/articles?limit=20&q=" + URLEncoder.encode("acupuncture needles", StandardCharsets.UTF_8);
    int[] targets = {100, 10_000};
    int cloned = 0;
    for (int target : targets) {
      long expected = synthetic.publishedArticleCount();
      Instant began = Instant.now();
      // In steps of 1,000 with the index caught up after each: content's resync loads all changed
      // articles in one find, whose single reply the embedded wire server cannot send above 48 MB.
      while (expected < target) {
        int add = (int) Math.min(1000, target - expected);
        synthetic.cloneArticles(cloned, add);
        cloned += add;
        expected += add;
        awaitIndex(expected, Duration.ofSeconds(120));
      }
      context.put("search index caught up with " + expected + " articles after (s)",
          String.format(Locale.ROOT, "%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0));
      warmUp(List.of(search));
      settle("search, " + expected + " articles");
      rows.add(wrk.get(search, 16, Map.of()).as("scaling", "search \"acupuncture needles\", " + expected + " articles", 16));
    }
    return cloned;
  }

  /**
   * Article by slug again, over every synthetic article in turn. The content row reads one
   * article, which content-service keeps in memory after its first read; here most reads miss that
   * cache (the articles hold more than its 16 MB), so this row shows the MongoDB path.
   */
  private void articlesInTurn(int count) {
    String name = "article by slug, " + count + " articles in turn";
    settle(name);
    double hitsBefore = articleCacheGets("hit");
    double missesBefore = articleCacheGets("miss");
    rows.add(wrk.getInTurn(content + "/api/v1/articles/", "bench-article-", count, 16).as("scaling", name, 16));
    double hits = articleCacheGets("hit") - hitsBefore;
    double misses = articleCacheGets("miss") - missesBefore;
    context.put("content article cache hits during \"" + name + "\" (%)", String.format(Locale.ROOT, "%.1f", 100 * hits / (hits + misses)));
  }

  private double articleCacheGets(String result) {
    Pattern counter = Pattern.compile("^cache_gets_total\\{[^}]*cache=\"content.articles\"[^}]*result=\"" + result + "\"[^}]*}\\s+([0-9.eE+]+)", Pattern.MULTILINE);
    Matcher m = counter.matcher(http.require("GET", content + "/actuator/prometheus", null, Map.of(), 200).body());
    if (!m.find()) {
      throw new IllegalStateException("content-service exposes no cache_gets_total for content.articles, result " + result);
    }
    return Double.parseDouble(m.group(1));
  }

  private void awaitIndex(long expected, Duration timeout) throws InterruptedException {
    Pattern gauge = Pattern.compile("^content_search_index_articles\\S*\\s+([0-9.eE+]+)", Pattern.MULTILINE);
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Matcher m = gauge.matcher(http.require("GET", content + "/actuator/prometheus", null, Map.of(), 200).body());
      if (m.find() && Double.parseDouble(m.group(1)) >= expected) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("content's search index did not reach " + expected + " articles in " + timeout);
  }

  // ---- booking -----------------------------------------------------------------------------

  /**
   * The query window (7 days for bench-s-0/1) holds 5 appointments at both sizes; every other
   * synthetic appointment belongs to other practitioners or other dates.
   */
  private void availabilityScaling(SyntheticData synthetic) {
    progress("scaling: availability with 100 and 100,000 appointments");
    LocalDate from = LocalDate.ofEpochDay(slotEpoch / 86_400).plusDays(30);
    String url = booking + "/api/v1/clinics/" + SCALING_CLINIC + "/availability?treatmentId=" + TREATMENT
        + "&from=" + from + "&to=" + from.plusDays(6);
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(SyntheticData.appointment(i, SCALING_CLINIC, "bench-s-" + (i % 2),
          from.plusDays(i).atTime(10, 0).toInstant(ZoneOffset.UTC)));
    }
    long n = 5;
    for (long target : new long[] {100, 100_000}) {
      Instant began = Instant.now();
      long deadline = System.nanoTime()
          + Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_INSERT_SECONDS", "300"))).toNanos();
      while (synthetic.appointmentCount() + batch.size() < target && System.nanoTime() < deadline) {
        long missing = target - synthetic.appointmentCount() - batch.size();
        for (long k = 0; k < Math.min(missing, 1000); k++, n++) {
          // 1,000 other practitioners, days 60..700 ahead, hourly: never in the window.
          long day = 60 + (n / 1000 / 24) % 640;
          Instant start = LocalDate.ofEpochDay(slotEpoch / 86_400).plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC)
              .plusSeconds(((n / 1000) % 24) * 3600);
          batch.add(SyntheticData.appointment(n, CLINIC, "other-" + (n % 1000), start));
        }
        synthetic.insertAppointments(batch);
        batch.clear();
      }
      long stored = synthetic.appointmentCount();
      context.put("inserting appointments up to " + stored + " took (s)",
          String.format(Locale.ROOT, "%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0));
      // One request alone first: at a size where wrk completes none within its timeout, this is the figure.
      long t = System.nanoTime();
      http.require("GET", url, null, Map.of(), 200);
      singleAvailabilityMs.add((System.nanoTime() - t) / 1e6);
      context.put("availability, one request alone, " + stored + " stored appointments (ms)",
          String.format(Locale.ROOT, "%.0f", singleAvailabilityMs.getLast()));
      warmUp(List.of(url));
      settle("availability, " + stored + " stored");
      Map<String, Duration> cpuBefore = cpuUsed();
      long gcBefore = suiteGcMillis();
      Measurement row = wrk.get(url, 16, Map.of()).as("scaling", "availability 7 days, " + stored + " stored appointments", 16);
      context.put("CPU per availability request, " + stored + " stored (ms)", cpuPer(cpuBefore, cpuUsed(), row.count())
          + "; suite JVM GC pauses in the row " + (suiteGcMillis() - gcBefore) + " ms");
      rows.add(row);
    }
    // The booking benchmarks run on a collection of their own making, not this one.
    synthetic.deleteSyntheticAppointments();
  }

  private void bookingWarmUp() throws InterruptedException {
    progress("booking warm-up, then waiting for its confirmation mails");
    String trivial = booking + "/actuator/health/liveness";
    warmUp(List.of(trivial));
    Wrk.Result warm = wrk.book(booking, 8, bookingScript("warm"), Duration.ofSeconds(Math.max(3, runTime.toSeconds() / 2)));
    slotBase = warm.nextBase();
    awaitMailsFor("warm-up", warm.requests() + 1, Duration.ofSeconds(90));
  }

  /**
   * Lets notification-service finish the mails of the bookings so far, so they are not still being
   * sent while the next part is measured (the booking rows leave thousands).
   */
  private void awaitMailsFor(String part, long mails, Duration timeout) throws InterruptedException {
    Instant began = Instant.now();
    Instant deadline = began.plus(timeout);
    while (stack.mail().receivedCount() < mails && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
    // At least: wrk does not count the requests still in flight when it stops, which book too
    context.put("mails after " + part + " (of at least " + mails + " expected), after (s)", stack.mail().receivedCount() + ", "
        + String.format(Locale.ROOT, "%.1f", Duration.between(began, Instant.now()).toMillis() / 1000.0));
  }

  /** Waits for a quiet machine before measuring {@code part}, and notes how long that took. */
  private void settle(String part) {
    try {
      double seconds = QuietMachine.await(Duration.ofMinutes(2));
      settled.add(part + " " + (seconds < 0 ? "(not quiet after 120)" : String.format(Locale.ROOT, "%.1f", seconds)));
    } catch (IOException e) {
      settled.add(part + " (unknown: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void eventBenchmarks() throws Exception {
    progress("events: bookings at 20/s until each mail arrives; raw Kafka");
    settle("events");
    long base = slotBase;
    int rate = 20;
    Duration duration = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_EVENT_SECONDS", "30")));
    slotBase += rate * duration.toSeconds();
    rows.add(EventLatency.bookingToMail(rate, duration, n -> bookOne(base + n, "ev"),
        () -> stack.mail().receivedMessages(), n -> "bench-ev-" + (base + n) + "@example.com"));
    rows.add(EventLatency.rawKafka(stack.settings().kafkaBootstrapServers(), rate, Duration.ofSeconds(15)));
  }

  private void bookingBenchmarks() throws InterruptedException {
    progress("booking: trivial and POST at concurrency 1, 16, 64");
    String trivial = booking + "/actuator/health/liveness";
    long mails = stack.mail().receivedCount();
    for (int concurrency : new int[] {1, 16, 64}) {
      // The rows before leave mails to send; the ceiling is measured only once they are out.
      awaitMailsFor("the bookings before concurrency " + concurrency, mails, Duration.ofMinutes(10));
      settle("booking, concurrency " + concurrency);
      rows.add(wrk.get(trivial, concurrency, Map.of()).as("booking", "trivial: GET /actuator/health/liveness", concurrency));
      Map<String, Duration> cpuBefore = cpuUsed();
      Wrk.Result result = wrk.book(booking, concurrency, bookingScript("c" + concurrency), runTime);
      Map<String, Duration> cpuAfter = cpuUsed();
      slotBase = result.nextBase();
      Measurement row = result.as("booking", "POST /api/v1/appointments", concurrency);
      rows.add(row);
      mails += row.count();
      if (concurrency == 16) {
        context.put("CPU per booking at 16 connections (ms)", cpuPer(cpuBefore, cpuAfter, row.count()));
      }
    }
    progress("booking: waiting for the bookings' mails");
    awaitMailsFor("the booking rows", mails, Duration.ofMinutes(10));
  }

  /**
   * CPU time used so far by each service and by this JVM, which hosts the wire server, Kafka and
   * the SMTP server: what a request costs the whole machine, not only the service it went to.
   */
  private Map<String, Duration> cpuUsed() {
    Map<String, Duration> used = new LinkedHashMap<>();
    for (String service : SERVICES) {
      used.put(service, cpuOf(ProcessHandle.of(stack.service(service).pid())));
    }
    used.put("wire server + Kafka + SMTP (suite JVM)", cpuOf(Optional.of(ProcessHandle.current())));
    return used;
  }

  /** This JVM's GC pause time so far: a heap too small for the wire server's data shows here. */
  private static long suiteGcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static Duration cpuOf(Optional<ProcessHandle> process) {
    return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  private static String cpuPer(Map<String, Duration> before, Map<String, Duration> after, long requests) {
    List<String> parts = new ArrayList<>();
    double total = 0;
    for (Map.Entry<String, Duration> entry : after.entrySet()) {
      double ms = (entry.getValue().toNanos() - before.get(entry.getKey()).toNanos()) / 1e6 / Math.max(1, requests);
      total += ms;
      parts.add(entry.getKey() + " " + String.format(Locale.ROOT, "%.1f", ms));
    }
    return String.join(", ", parts) + "; total " + String.format(Locale.ROOT, "%.1f", total);
  }

  private Map<String, String> bookingScript(String run) {
    return Map.of("SLOT_BASE", String.valueOf(slotBase), "SLOT_EPOCH", String.valueOf(slotEpoch),
        "PRACTITIONERS", String.valueOf(PRACTITIONERS), "CLINIC_ID", CLINIC, "TREATMENT_ID", TREATMENT, "RUN_ID", run);
  }

  // ---- footprint and floors ----------------------------------------------------------------

  private Map<String, Long> rssAfterRun() throws IOException {
    Map<String, Long> rss = new LinkedHashMap<>();
    for (String service : SERVICES) {
      rss.put(service, rssMb(stack.service(service).pid()));
    }
    return rss;
  }

  /**
   * Each service restarted alone while the rest keeps running, so its start is its own and not
   * three JVMs sharing two cores: seconds from JVM start to Spring's "Started" line, and until
   * readiness answers UP.
   */
  private List<Report.Footprint> footprints(Path data, Map<String, Long> rssAfterRun) throws IOException {
    Pattern started = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    List<Report.Footprint> footprints = new ArrayList<>();
    for (String service : SERVICES) {
      progress("footprint: restarting " + service + " alone");
      settle("restarting " + service);
      ServiceProcess process = stack.service(service);
      process.close();
      Instant began = Instant.now();
      process.start();
      process.awaitReady(Duration.ofMinutes(2));
      double ready = Duration.between(began, Instant.now()).toMillis() / 1000.0;
      Matcher m = started.matcher(Files.readString(data.resolve("logs").resolve(service + ".log")));
      double jvm = -1;
      while (m.find()) {
        jvm = Double.parseDouble(m.group(1)); // the last start: this one
      }
      footprints.add(new Report.Footprint(service, ready, jvm, rssAfterRun.get(service)));
    }
    return footprints;
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private List<Report.Floor> floors(List<Report.Footprint> footprints) {
    List<Report.Floor> floors = new ArrayList<>();
    Measurement bookTrivial16 = find("booking", "trivial", 16);
    Measurement book16 = find("booking", "POST", 16);
    double bookingShare = book16.perSecond() / bookTrivial16.perSecond();
    floors.add(new Report.Floor("booking POST / trivial, concurrency 16", pct(bookingShare), "≥ 25 %", bookingShare >= 0.25));
    Measurement events = rows.stream().filter(m -> m.name().startsWith("booking accepted")).findFirst().orElseThrow();
    floors.add(new Report.Floor("event p99 at 20 bookings/s", ms(events.p99Ms()), "≤ 500 ms", events.p99Ms() <= 500 && events.errors() == 0));
    Measurement contentTrivial = find("content", "trivial", 16);
    double slugShare = find("content", "article by slug", 16).perSecond() / contentTrivial.perSecond();
    floors.add(new Report.Floor("article by slug / trivial", pct(slugShare), "≥ 60 %", slugShare >= 0.60));
    List<Measurement> availability = rows.stream().filter(m -> m.name().startsWith("availability")).toList();
    // wrk records no latency when no request finishes within its 10 s timeout: then the lone requests decide.
    double availabilityRatio = availability.get(1).count() > 0
        ? availability.get(1).p50Ms() / availability.get(0).p50Ms()
        : singleAvailabilityMs.get(1) / singleAvailabilityMs.get(0);
    floors.add(new Report.Floor("availability p50 time, 100k / 100 appointments", String.format(Locale.ROOT, "%.2f×", availabilityRatio),
        "≤ 2×", availabilityRatio <= 2));
    List<Measurement> search = rows.stream().filter(m -> m.name().startsWith("search")).toList();
    double searchRatio = search.get(1).p50Ms() / search.get(0).p50Ms();
    floors.add(new Report.Floor("search p50 time, 10k / 100 articles", String.format(Locale.ROOT, "%.2f×", searchRatio), "≤ 2×", searchRatio <= 2));
    for (Report.Footprint f : footprints) {
      floors.add(new Report.Floor(f.service() + " RSS", f.rssMb() + " MB", "≤ 400 MB", f.rssMb() > 0 && f.rssMb() <= 400));
      floors.add(new Report.Floor(f.service() + " startup (JVM start → started)", String.format(Locale.ROOT, "%.1f s", f.jvmStartedSeconds()),
          "≤ 8 s", f.jvmStartedSeconds() > 0 && f.jvmStartedSeconds() <= 8));
    }
    return floors;
  }

  private Measurement find(String section, String namePrefix, int concurrency) {
    return rows.stream().filter(m -> m.section().equals(section) && m.name().startsWith(namePrefix) && m.concurrency() == concurrency)
        .findFirst().orElseThrow(() -> new IllegalStateException("no measurement " + section + "/" + namePrefix));
  }

  /** One decimal, rounded down: a share just under its floor never prints as the floor itself. */
  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", Math.floor(share * 1000) / 10);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.0f ms", value);
  }
}
