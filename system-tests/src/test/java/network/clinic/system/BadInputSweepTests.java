package network.clinic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile input to every public endpoint of the three services: broken JSON, wrong
 * types, huge strings, control characters, odd Unicode, impossible dates and zones, extreme
 * numbers, injection strings. Whatever arrives: never a 5xx, a problem document for every 4xx, and
 * not one document more or less in any service database. Writes are only ever sent in a form that
 * must be refused (unterminated JSON, a start in the past, no or a forged token, a wrong media
 * type), so "unchanged" is what a correct service must answer.
 */
class BadInputSweepTests {

  private static final int TRIES = 400;
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicReference<Clinics> CLINICS = new AtomicReference<>();
  private static final AtomicReference<MongoClient> MONGO = new AtomicReference<>();
  private static final AtomicReference<Clinics.Booked> REAL_APPOINTMENT = new AtomicReference<>();

  private static final List<String> INJECTIONS =
      List.of(
          "{\"$gt\":\"\"}", "$where", "'; DROP TABLE appointments; --", "' OR '1'='1", "admin'--",
          "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
          "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}",
          "[[${T(java.lang.Runtime).getRuntime()}]]", "%s%s%s%n", "%00", "\u0000", "\r\nX-Injected: 1",
          "null", "undefined", "NaN", "-1", "0", "99999999999999999999999999", "1e309", "-0",
          "2026-02-30T10:00:00Z", "2026-13-01", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z",
          "-999999999-01-01T00:00:00Z", "2026-03-29T01:30:00[Europe/London]", "2026-03-29T01:30",
          "Europe/Atlantis", "+25:00", "UTC+99", "PT-1H", "P9999999999D", "T", "", " ", "\t",
          "\u202eevil\u202c", "\u200b\u200b", "\ufeff", "e\u0301\u0301\u0301", "\ud83d\ude00\ud83d\ude00",
          "\ud800", "\udfff", "\uffff", "\u00a0", "ᚠᛇᚻ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ǅ", "İstanbul", "ß".repeat(300),
          "apt-00000000-0000-0000-0000-000000000000", "london-camden", "any");

  @BeforeContainer
  static void startStack() {
    Clinics clinics = new Clinics(SystemStack.get());
    CLINICS.set(clinics);
    MONGO.set(clinics.mongo());
    // One real appointment, so hostile tokens and bodies also meet an id that exists.
    List<Clinics.Slot> slots = clinics.freeSlots("london-richmond", "electro-acupuncture", 45, 10);
    REAL_APPOINTMENT.set(
        clinics.book("london-richmond", "electro-acupuncture", slots.get(slots.size() / 2), Clinics.uniqueEmail("sweep")));
  }

  @AfterContainer
  static void report() {
    System.out.printf("Bad-input sweep: %d hostile requests sent; no 5xx; every 4xx a problem document%n", CASES.get());
    MongoClient client = MONGO.get();
    if (client != null) {
      client.close();
    }
  }

  private Map<String, Long> before;

  @BeforeProperty
  void snapshotDatabases() {
    // Earlier tests' mail and events may still be settling: start from a state that holds still.
    AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
    await("databases at rest")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          Map<String, Long> now = Clinics.documentCounts(MONGO.get());
          boolean same = now.equals(last.get());
          last.set(now);
          return same;
        });
    before = last.get();
  }

  @AfterProperty
  void databasesUnchanged() {
    assertThat(Clinics.documentCounts(MONGO.get())).as("documents per collection after the sweep").isEqualTo(before);
  }

  // ---- booking-service ----

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileBookingsAreRefusedWithAProblem(@ForAll("bookingBodies") String body) {
    assertSafe("POST appointments", Http.send("POST", booking() + "/api/v1/appointments", "application/json", body));
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostilePatientChangesAreRefusedWithAProblem(
      @ForAll("pathSegments") String id, @ForAll boolean realId, @ForAll("headerValues") String token,
      @ForAll("anyBody") String body, @ForAll("patientOperations") String operation) {
    String appointment = realId ? REAL_APPOINTMENT.get().id() : id;
    String uri = booking() + "/api/v1/appointments/" + Http.encode(appointment) + operation;
    Http.Response response =
        operation.isEmpty()
            ? Http.get(uri, "X-Manage-Token", token)
            : Http.send("POST", uri, "application/json", body, "X-Manage-Token", token);
    assertSafe("patient " + operation, response);
    if (realId) {
      assertThat(response.status()).as("a forged token never opens a real appointment").isGreaterThanOrEqualTo(400);
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileCatalogueAndAvailabilityQueriesAreAnsweredSafely(
      @ForAll("pathSegments") String clinic, @ForAll("queryValues") String treatment, @ForAll("queryValues") String from,
      @ForAll("queryValues") String to, @ForAll("queryValues") String practitioner, @ForAll("catalogueReads") String read) {
    String path =
        switch (read) {
          case "availability" ->
              "/api/v1/clinics/" + Http.encode(clinic) + "/availability?treatmentId=" + Http.encode(treatment)
                  + "&from=" + Http.encode(from) + "&to=" + Http.encode(to) + "&practitionerId=" + Http.encode(practitioner);
          case "availability-valid-clinic" ->
              "/api/v1/clinics/london-camden/availability?treatmentId=follow-up&from=" + Http.encode(from)
                  + "&to=" + Http.encode(to);
          case "clinic" -> "/api/v1/clinics/" + Http.encode(clinic);
          case "clinic-treatments" -> "/api/v1/clinics/" + Http.encode(clinic) + "/treatments";
          case "clinic-practitioners" -> "/api/v1/clinics/" + Http.encode(clinic) + "/practitioners";
          case "treatment" -> "/api/v1/treatments/" + Http.encode(clinic);
          default -> "/api/v1/practitioners/" + Http.encode(clinic);
        };
    assertSafe("GET " + read, Http.get(booking() + path));
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileStaffRequestsToBookingAreRefusedWithAProblem(
      @ForAll("pathSegments") String segment, @ForAll("queryValues") String date, @ForAll("brokenJson") String body,
      @ForAll("authorizations") String authorization, @ForAll("staffBookingOperations") String operation) {
    String clinicPath = "/api/v1/clinics/london-camden";
    String id = Http.encode(segment);
    Http.Response response =
        switch (operation) {
          case "day" -> Http.get(booking() + clinicPath + "/appointments?date=" + Http.encode(date), auth(authorization));
          case "day-hostile-clinic" ->
              Http.get(booking() + "/api/v1/clinics/" + id + "/appointments?date=2026-12-01", auth(authorization));
          case "get" -> Http.get(booking() + clinicPath + "/appointments/" + id, auth(authorization));
          case "schedule" -> Http.get(booking() + clinicPath + "/practitioners/" + id + "/schedule", auth(authorization));
          case "delete-time-off" ->
              Http.send("DELETE", booking() + clinicPath + "/practitioners/imogen-hartley/time-off/" + id, null, null,
                  auth(authorization));
          case "put-clinic" -> Http.send("PUT", booking() + "/api/v1/clinics/" + id, "application/json", body, auth(authorization));
          case "put-treatment" ->
              Http.send("PUT", booking() + "/api/v1/treatments/" + id, "application/json", body, auth(authorization));
          case "put-practitioner" ->
              Http.send("PUT", booking() + "/api/v1/practitioners/" + id, "application/json", body, auth(authorization));
          case "working-hours" ->
              Http.send("PUT", booking() + clinicPath + "/practitioners/" + id + "/working-hours", "application/json", body,
                  auth(authorization));
          case "time-off" ->
              Http.send("POST", booking() + clinicPath + "/practitioners/imogen-hartley/time-off", "application/json", body,
                  auth(authorization));
          default ->
              Http.send("POST", booking() + clinicPath + "/appointments/" + id + "/" + operation, "application/json", body,
                  auth(authorization));
        };
    assertSafe("staff " + operation, response);
  }

  // ---- content-service ----

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileArticleQueriesAreAnsweredSafely(
      @ForAll("queryValues") String q, @ForAll("queryValues") String tag, @ForAll("queryValues") String cursor,
      @ForAll("numbers") String limit, @ForAll("pathSegments") String slug, @ForAll("headerValues") String etag,
      @ForAll boolean single) {
    Http.Response response =
        single
            ? Http.get(content() + "/api/v1/articles/" + Http.encode(slug), "If-None-Match", etag)
            : Http.get(content() + "/api/v1/articles?q=" + Http.encode(q) + "&tag=" + Http.encode(tag) + "&cursor="
                + Http.encode(cursor) + "&limit=" + Http.encode(limit) + "&clinicId=" + Http.encode(slug), "If-None-Match", etag);
    assertSafe(single ? "GET article" : "GET articles", response);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileArticleWritesAreRefusedWithAProblem(
      @ForAll("pathSegments") String slug, @ForAll("brokenJson") String body, @ForAll("anyText") String text,
      @ForAll("authorizations") String authorization, @ForAll("articleWrites") String operation,
      @ForAll("headerValues") String ifMatch, @ForAll("queryValues") String status) {
    String article = content() + "/api/v1/articles/" + Http.encode(slug);
    Http.Response response =
        switch (operation) {
          case "create" -> Http.send("POST", content() + "/api/v1/articles", "application/json", body, auth(authorization));
          case "update" -> Http.send("PUT", article, "application/json", body, auth(authorization, "If-Match", ifMatch));
          case "delete" -> Http.send("DELETE", article, null, null, auth(authorization, "If-Match", ifMatch));
          case "publish", "unpublish" ->
              Http.send("POST", article + "/" + operation, null, null, auth(authorization, "If-Match", ifMatch));
          case "staff-list" ->
              Http.get(content() + "/api/v1/staff/articles?status=" + Http.encode(status) + "&limit=" + Http.encode(status),
                  auth(authorization));
          case "staff-get" -> Http.get(content() + "/api/v1/staff/articles/" + Http.encode(slug), auth(authorization));
          // A valid text import would be accepted: send it anonymously, or with a media type it cannot take.
          case "import-anonymous" ->
              Http.send("POST", content() + "/api/v1/articles/import", "text/markdown", text, "X-Nothing", "1");
          default ->
              Http.send("POST", content() + "/api/v1/articles/import?clinicId=" + Http.encode(slug), "application/xml", text,
                  auth(authorization));
        };
    assertSafe("article " + operation, response);
  }

  // ---- notification-service ----

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.MIXIN)
  void hostileNotificationQueriesAreRefusedWithAProblem(
      @ForAll("queryValues") String appointmentId, @ForAll("authorizations") String authorization) {
    assertSafe(
        "GET notifications",
        Http.get(notification() + "/api/v1/notifications?appointmentId=" + Http.encode(appointmentId), auth(authorization)));
  }

  // ---- generators ----

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.of(INJECTIONS),
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings().withChars("\u202e\u200b\ufeff\u0301\u00e9\u0000\u007f\u0085\u2028\u2029<>\"'\\/%$").ofMaxLength(60),
        Arbitraries.integers().between(2_000, 40_000).map(n -> "A".repeat(n)),
        Arbitraries.strings().ascii().ofMaxLength(40));
  }

  /** Values for query parameters: kept below the header size limit, so the application sees them. */
  @Provide
  Arbitrary<String> queryValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(INJECTIONS),
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(20),
        Arbitraries.integers().between(200, 1_500).map(n -> "9".repeat(n)),
        numbers());
  }

  @Provide
  Arbitrary<String> pathSegments() {
    return Arbitraries.oneOf(
        Arbitraries.of(INJECTIONS).filter(s -> !s.isEmpty() && !s.equals("london-camden") && !s.equals("any")),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60),
        Arbitraries.integers().between(300, 1_500).map(n -> "x".repeat(n)));
  }

  /** Printable ASCII only: HTTP clients refuse control characters in header values. */
  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
        Arbitraries.of("\"*\"", "*", "W/\"x\"", "\"-1\"", "\"99999999999999999999\"", "' OR 1=1", "${jndi:x}"),
        Arbitraries.integers().between(300, 3_000).map(n -> "t".repeat(n)));
  }

  @Provide
  Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.of("-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-1e-309", "0x10",
            "1.5", "NaN", "Infinity", "100000000000000000000000000000000"),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf));
  }

  /** Any JSON value, valid or not, as raw text. */
  @Provide
  Arbitrary<String> jsonValues() {
    return Arbitraries.oneOf(
        anyText().map(Http::json),
        numbers(),
        Arbitraries.of("true", "false", "null", "[]", "{}", "[null]", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}",
            "[" .repeat(3_000), "{\"a\":".repeat(2_000), "\"\\ud800\"", "\"\\u0000\"", "'single'", "undefined", "tru"),
        Arbitraries.integers().between(2, 50).map(n -> "[" + "1,".repeat(n) + "1]"));
  }

  /** A booking that must be refused: every variant keeps the start in the past or breaks something else. */
  @Provide
  Arbitrary<String> bookingBodies() {
    Arbitrary<String> field = Arbitraries.of(
        "clinicId", "treatmentId", "practitionerId", "start", "name", "email", "phone", "consent", "note", "root");
    Arbitrary<String> shaped =
        Combinators.combine(field, jsonValues())
            .as((f, v) -> {
              String consent = f.equals("consent") ? v : "{\"email\":true,\"sms\":false}";
              String patient =
                  f.equals("root") ? v
                      : "{\"name\":" + (f.equals("name") ? v : "\"Alex Example\"")
                          + ",\"email\":" + (f.equals("email") ? v : "\"sweep@patients.example\"")
                          + ",\"phone\":" + (f.equals("phone") ? v : "\"+442079460000\"")
                          + ",\"consent\":" + consent + "}";
              return "{\"clinicId\":" + (f.equals("clinicId") ? v : "\"london-camden\"")
                  + ",\"treatmentId\":" + (f.equals("treatmentId") ? v : "\"follow-up\"")
                  + ",\"practitionerId\":" + (f.equals("practitionerId") ? v : "\"imogen-hartley\"")
                  + ",\"start\":" + (f.equals("start") ? v : "\"2001-01-01T10:00:00Z\"")
                  + ",\"patient\":" + patient
                  + ",\"note\":" + (f.equals("note") ? v : "\"\"") + "}";
            });
    return Arbitraries.oneOf(shaped, brokenJson(), jsonValues());
  }

  /** Text that can never parse as a JSON document: unterminated after a hostile value. */
  @Provide
  Arbitrary<String> brokenJson() {
    return Arbitraries.oneOf(
        jsonValues().map(v -> "{\"name\":" + v),
        jsonValues().map(v -> "[" + v + ","),
        anyText().map(t -> "{" + t),
        Arbitraries.of("", "{", "}", "{\"start\":}", "{'a':1", "<xml/>", "\u0000", "{\"a\":1,,}", "{\"a\" 1"));
  }

  @Provide
  Arbitrary<String> anyBody() {
    return Arbitraries.oneOf(jsonValues(), brokenJson(),
        anyText().map(t -> "{\"reason\":" + Http.json(t) + ",\"start\":\"" + t.replace("\"", "") + "\"}"));
  }

  @Provide
  Arbitrary<String> patientOperations() {
    return Arbitraries.of("", "/cancel", "/reschedule");
  }

  @Provide
  Arbitrary<String> catalogueReads() {
    return Arbitraries.of("availability", "availability-valid-clinic", "clinic", "clinic-treatments",
        "clinic-practitioners", "treatment", "practitioner");
  }

  @Provide
  Arbitrary<String> staffBookingOperations() {
    return Arbitraries.of("day", "day-hostile-clinic", "get", "schedule", "delete-time-off", "put-clinic", "put-treatment",
        "put-practitioner", "working-hours", "time-off", "cancel", "reschedule", "complete", "no-show");
  }

  @Provide
  Arbitrary<String> articleWrites() {
    return Arbitraries.of("create", "update", "delete", "publish", "unpublish", "staff-list", "staff-get",
        "import-anonymous", "import-wrong-type");
  }

  /** No token, a forged one, a wrong scheme, or a real staff token (whose requests are still invalid). */
  @Provide
  Arbitrary<String> authorizations() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoibmV0d29yay1hZG1pbiJ9.",
            "staff", "admin"),
        headerValues().map(v -> "Bearer " + v));
  }

  // ---- helpers ----

  private static String[] auth(String authorization, String... more) {
    String value =
        switch (authorization) {
          case "staff" -> Http.bearer(CLINICS.get().staffToken("london-camden"));
          case "admin" -> Http.bearer(CLINICS.get().adminToken());
          default -> authorization;
        };
    String[] headers = new String[more.length + 2];
    headers[0] = value.isEmpty() ? "X-No-Authorization" : "Authorization";
    headers[1] = value.isEmpty() ? "1" : value;
    System.arraycopy(more, 0, headers, 2, more.length);
    return headers;
  }

  private static void assertSafe(String what, Http.Response response) {
    CASES.incrementAndGet();
    assertThat(response.status()).as("%s answered %s", what, response).isLessThan(500);
    if (response.status() >= 400) {
      assertThat(response.isProblem())
          .as("%s answered %s without a problem document: %s", what, response,
              response.body().length() > 300 ? response.body().substring(0, 300) : response.body())
          .isTrue();
      JsonNode problem = response.json();
      assertThat(problem.path("status").asInt()).as("problem status of %s", what).isEqualTo(response.status());
      assertThat(problem.path("type").asString()).as("problem type of %s", what).isNotBlank();
      assertThat(problem.path("title").asString()).as("problem title of %s", what).isNotBlank();
    }
  }

  // Found by this sweep: the firewall's refusals and Tomcat's own (an encoded slash, NUL or
  // backslash) were not problem documents.
  @Example
  void urlsTheFirewallOrTomcatRefusesAreProblemDocuments() {
    for (String path : new String[] {
        "/api/v1/appointments/a%3Bb", "/api/v1/appointments/a%2Fb", "/api/v1/appointments/a%00b", "/api/v1/appointments/a%5Cb"}) {
      Http.Response response = Http.get(booking() + path, "X-Manage-Token", "x");
      assertThat(response.status()).as(path).isEqualTo(400);
      assertThat(response.isProblem()).as("%s: %s", path, response).isTrue();
    }
  }

  private static String booking() {
    return CLINICS.get().booking();
  }

  private static String content() {
    return CLINICS.get().content();
  }

  private static String notification() {
    return CLINICS.get().notification();
  }
}
