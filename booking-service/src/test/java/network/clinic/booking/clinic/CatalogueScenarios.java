package network.clinic.booking.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.DatabaseSnapshot;
import network.clinic.booking.StaffTokens;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public catalogue for the websites, and who may change it. */
abstract class CatalogueScenarios extends BookingIntegrationTest {

  @Test
  void theDemoNetworkIsSeededWithThreeClinicsInTwoTimeZones() {
    JsonNode clinics = api.get("/api/v1/clinics").send().json();

    Map<String, String> zones = new java.util.HashMap<>();
    clinics.forEach(clinic -> zones.put(clinic.path("id").asString(), clinic.path("zoneId").asString()));
    assertThat(zones).containsEntry("london-camden", "Europe/London")
        .containsEntry("london-richmond", "Europe/London")
        .containsEntry("toronto-annex", "America/Toronto");
    JsonNode camden = api.get("/api/v1/clinics/london-camden").send().json();
    assertThat(camden.path("openingHours").size()).isGreaterThanOrEqualTo(5);
    assertThat(camden.path("slotMinutes").asInt() % 5).isZero();
  }

  @Test
  void onePractitionerWorksAtBothLondonClinicsOnDifferentDays() {
    JsonNode camden = api.get("/api/v1/clinics/london-camden/practitioners").send().json();
    JsonNode richmond = api.get("/api/v1/clinics/london-richmond/practitioners").send().json();

    List<String> camdenIds = ids(camden);
    List<String> richmondIds = ids(richmond);
    assertThat(camdenIds).hasSizeBetween(2, 3).contains("imogen-hartley");
    assertThat(richmondIds).hasSizeBetween(2, 3).contains("imogen-hartley");
    assertThat(ids(api.get("/api/v1/clinics/toronto-annex/practitioners").send().json())).hasSizeBetween(2, 3);
    List<String> camdenDays = days(camden, "imogen-hartley");
    List<String> richmondDays = days(richmond, "imogen-hartley");
    assertThat(camdenDays).isNotEmpty().doesNotContainAnyElementsOf(richmondDays);
    // Afternoons are bookable too.
    assertThat(camden.toString()).contains("\"end\":\"19:00\"");
  }

  @Test
  void aClinicListsItsTreatmentsPricedInItsCurrency() {
    JsonNode toronto = api.get("/api/v1/clinics/toronto-annex/treatments").send().json();
    JsonNode camden = api.get("/api/v1/clinics/london-camden/treatments").send().json();

    assertThat(ids(camden)).contains("initial-consultation", "follow-up", "cupping", "electro-acupuncture");
    JsonNode initial = StreamSupport.stream(toronto.spliterator(), false)
        .filter(t -> t.path("id").asString().equals("initial-consultation")).findFirst().orElseThrow();
    assertThat(initial.path("durationMinutes").asInt()).isEqualTo(60);
    assertThat(initial.path("bufferMinutes").asInt()).isPositive();
    assertThat(initial.path("price").path("currency").asString()).isEqualTo("CAD");
    assertThat(initial.path("price").path("amount").decimalValue()).isPositive();
  }

  @Test
  void anUnknownClinicIsANotFoundProblem() {
    Api.Response response = api.get("/api/v1/clinics/nowhere").send();

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("not-found");
    Api.Response unknownPath = api.get("/api/v1/nothing-here").send();
    assertThat(unknownPath.status()).as(unknownPath.body()).isEqualTo(404);
    assertThat(unknownPath.problemType()).as(unknownPath.body() + unknownPath.headers()).isEqualTo("not-found");
  }

  @Test
  void aNetworkAdminCreatesAndChangesAClinic() {
    Map<String, Object> clinic = clinicRequest("Willowbank Acupuncture Leeds");

    Api.Response created = api.put("/api/v1/clinics/leeds-central", clinic).staff(StaffTokens.networkAdmin()).send();
    clinic.put("name", "Willowbank Acupuncture Leeds Central");
    Api.Response changed = api.put("/api/v1/clinics/leeds-central", clinic).staff(StaffTokens.networkAdmin()).send();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/clinics/leeds-central");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(api.get("/api/v1/clinics/leeds-central").send().json().path("name").asString())
        .isEqualTo("Willowbank Acupuncture Leeds Central");
  }

  @Test
  void aClinicCreatedWithoutAReminderLeadTimeRemindsADayAheadAndZeroTurnsRemindersOff() {
    Map<String, Object> clinic = clinicRequest("Willowbank Acupuncture York");
    clinic.remove("reminderLeadHours");

    Api.Response created = api.put("/api/v1/clinics/york-central", clinic).staff(StaffTokens.networkAdmin()).send();

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("reminderLeadHours").asInt()).isEqualTo(24);
    assertThat(reminderLeadHours("york-central")).isEqualTo(24);

    clinic.put("reminderLeadHours", 0);
    Api.Response off = api.put("/api/v1/clinics/york-central", clinic).staff(StaffTokens.networkAdmin()).send();
    assertThat(off.status()).isEqualTo(200);
    assertThat(reminderLeadHours("york-central")).isZero();

    clinic.put("reminderLeadHours", -1);
    Api.Response negative = api.put("/api/v1/clinics/york-central", clinic).staff(StaffTokens.networkAdmin()).send();
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.problemType()).isEqualTo("validation-failed");
    assertThat(negative.json().path("errors").toString()).contains("reminderLeadHours");
    assertThat(reminderLeadHours("york-central")).isZero();
  }

  private int reminderLeadHours(String clinicId) {
    JsonNode clinic = api.get("/api/v1/clinics/" + clinicId).send().json();
    assertThat(clinic.has("reminderLeadHours")).isTrue();
    return clinic.path("reminderLeadHours").asInt();
  }

  @Test
  void onlyANetworkAdminMayChangeClinicsAndTreatments() {
    Map<String, Object> clinic = clinicRequest("Hijacked");

    Api.Response anonymous = api.put("/api/v1/clinics/london-camden", clinic).send();
    Api.Response clinicStaff = api.put("/api/v1/clinics/london-camden", clinic)
        .staff(StaffTokens.staffOf("london-camden")).send();
    Api.Response treatment = api.put("/api/v1/treatments/cupping", Map.of(
            "name", "x", "description", "x", "durationMinutes", 30, "bufferMinutes", 5,
            "pricesInMinorUnits", Map.of("GBP", 1)))
        .staff(StaffTokens.staffOf("london-camden")).send();

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.problemType()).isEqualTo("unauthorized");
    assertThat(clinicStaff.status()).isEqualTo(403);
    assertThat(clinicStaff.problemType()).isEqualTo("forbidden");
    assertThat(treatment.status()).isEqualTo(403);
    assertThat(api.get("/api/v1/clinics/london-camden").send().json().path("name").asString())
        .isEqualTo("Willowbank Acupuncture Camden");
  }

  @Test
  void treatmentLengthsOffTheFiveMinuteGridAreRefused() {
    Api.Response response = api.put("/api/v1/treatments/odd-length", Map.of(
            "name", "Odd", "description", "Odd", "durationMinutes", 42, "bufferMinutes", 7,
            "pricesInMinorUnits", Map.of("GBP", 1000)))
        .staff(StaffTokens.networkAdmin()).send();

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().path("errors").toString()).contains("durationMinutes", "bufferMinutes");
    assertThat(api.get("/api/v1/treatments/odd-length").send().status()).isEqualTo(404);
  }

  @Test
  void aNetworkAdminCreatesAndChangesATreatment() {
    String id = slug("moxibustion");
    Map<String, Object> treatment = treatmentRequest("Moxibustion", 40, 10);

    Api.Response created = api.put("/api/v1/treatments/" + id, treatment).staff(StaffTokens.networkAdmin()).send();
    JsonNode afterCreate = api.get("/api/v1/treatments/" + id).send().json();
    treatment.put("name", "Moxibustion with cupping");
    treatment.put("durationMinutes", 50);
    treatment.put("pricesInMinorUnits", Map.of("GBP", 6500, "CAD", 11000));
    Api.Response changed = api.put("/api/v1/treatments/" + id, treatment).staff(StaffTokens.networkAdmin()).send();
    JsonNode afterChange = api.get("/api/v1/treatments/" + id).send().json();

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/treatments/" + id);
    assertThat(afterCreate.path("name").asString()).isEqualTo("Moxibustion");
    assertThat(afterCreate.path("durationMinutes").asInt()).isEqualTo(40);
    assertThat(afterCreate.path("bufferMinutes").asInt()).isEqualTo(10);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(afterChange.path("name").asString()).isEqualTo("Moxibustion with cupping");
    assertThat(afterChange.path("durationMinutes").asInt()).isEqualTo(50);
    assertThat(StreamSupport.stream(afterChange.path("prices").spliterator(), false)
        .map(price -> price.path("currency").asString() + " "
            + price.path("amount").decimalValue().stripTrailingZeros().toPlainString()))
        .containsExactly("CAD 110", "GBP 65");
  }

  @Test
  void aNetworkAdminCreatesAndChangesAPractitionerAndTheirTimeOffStays() {
    Clinic clinic = catalogue.aClinic().save();
    Clinic second = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    String id = slug("rowan-achterberg");
    Map<String, Object> practitioner = practitionerRequest(treatment.id(),
        List.of(hours(clinic.id(), "MONDAY", "09:00", "17:00")));

    Api.Response created = api.put("/api/v1/practitioners/" + id, practitioner).staff(StaffTokens.networkAdmin()).send();
    JsonNode profile = api.get("/api/v1/practitioners/" + id).send().json();
    Api.Response away = api.post("/api/v1/clinics/" + clinic.id() + "/practitioners/" + id + "/time-off",
        Map.of("start", "2026-03-16T00:00:00Z", "end", "2026-03-17T00:00:00Z")).staff(StaffTokens.staffOf(clinic.id()))
        .send();
    practitioner.put("name", "Rowan Achterberg-Lund");
    practitioner.put("workingHours", List.of(hours(clinic.id(), "TUESDAY", "10:00", "16:00"),
        hours(second.id(), "FRIDAY", "09:00", "13:00")));
    Api.Response changed = api.put("/api/v1/practitioners/" + id, practitioner).staff(StaffTokens.networkAdmin()).send();

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/practitioners/" + id);
    assertThat(profile.path("name").asString()).isEqualTo("Rowan Achterberg");
    assertThat(profile.path("credentials").asString()).isEqualTo("L.Ac., MBAcC");
    assertThat(profile.path("treatmentIds").get(0).asString()).isEqualTo(treatment.id());
    assertThat(ids(api.get("/api/v1/clinics/" + clinic.id() + "/practitioners").send().json())).containsExactly(id);
    assertThat(away.status()).isEqualTo(201);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/practitioners/" + id).send().json().path("name").asString())
        .isEqualTo("Rowan Achterberg-Lund");
    assertThat(ids(api.get("/api/v1/clinics/" + second.id() + "/practitioners").send().json())).containsExactly(id);
    JsonNode schedule = api.get("/api/v1/clinics/" + clinic.id() + "/practitioners/" + id + "/schedule")
        .staff(StaffTokens.staffOf(clinic.id())).send().json();
    assertThat(schedule.path("workingHours").toString()).contains("TUESDAY").doesNotContain("MONDAY", "FRIDAY");
    assertThat(schedule.path("timeOff").size()).isEqualTo(1);
  }

  @Test
  void clinicStaffCannotChangePractitionersOrTreatments() {
    Clinic clinic = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    String id = slug("sable-okonkwo");
    assertThat(api.put("/api/v1/practitioners/" + id,
            practitionerRequest(treatment.id(), List.of(hours(clinic.id(), "MONDAY", "09:00", "17:00"))))
        .staff(StaffTokens.networkAdmin()).send().status()).isEqualTo(201);
    String staff = StaffTokens.staffOf(clinic.id());
    DatabaseSnapshot database = settledDatabase();

    Map<String, Object> takeover = practitionerRequest(treatment.id(),
        List.of(hours(clinic.id(), "SUNDAY", "06:00", "22:00")));
    List<Api.Response> refused = List.of(
        api.put("/api/v1/practitioners/" + id, takeover).staff(staff).send(),
        api.put("/api/v1/practitioners/" + slug("new-hire"), takeover).staff(staff).send(),
        api.put("/api/v1/treatments/" + treatment.id(), treatmentRequest("Cheaper", 30, 5)).staff(staff).send(),
        api.put("/api/v1/treatments/" + slug("new-treatment"), treatmentRequest("New", 30, 5)).staff(staff).send());
    Api.Response anonymous = api.put("/api/v1/practitioners/" + id, takeover).send();

    for (Api.Response response : refused) {
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.problemType()).isEqualTo("forbidden");
    }
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(database.changesIn(DatabaseSnapshot.of(mongo))).isEmpty();
  }

  @Test
  void invalidPractitionersAndTreatmentsAreRefusedWithTheFieldsAndChangeNothing() {
    Clinic clinic = catalogue.aClinic().save();
    Treatment treatment = catalogue.aTreatment().save();
    String existing = slug("tamsin-ferreira");
    assertThat(api.put("/api/v1/practitioners/" + existing,
            practitionerRequest(treatment.id(), List.of(hours(clinic.id(), "MONDAY", "09:00", "17:00"))))
        .staff(StaffTokens.networkAdmin()).send().status()).isEqualTo(201);
    DatabaseSnapshot database = settledDatabase();

    Map<String, Object> noName = practitionerRequest(treatment.id(), List.of());
    noName.remove("name");
    Map<String, Object> unknownTreatment = practitionerRequest("no-such-treatment", List.of());
    Map<String, Object> unknownClinic = practitionerRequest(treatment.id(),
        List.of(hours("no-such-clinic", "MONDAY", "09:00", "17:00")));
    Map<String, Object> badTime = practitionerRequest(treatment.id(), List.of(hours(clinic.id(), "MONDAY", "9am", "17:00")));
    Map<String, Object> backwards = practitionerRequest(treatment.id(),
        List.of(hours(clinic.id(), "MONDAY", "17:00", "09:00")));
    Map<String, Object> nameless = treatmentRequest("", 30, 5);
    Map<String, Object> tooShort = treatmentRequest("Quick", 0, 5);
    Map<String, Object> badCurrency = treatmentRequest("Priced", 30, 5);
    badCurrency.put("pricesInMinorUnits", Map.of("pounds", 100));
    Map<String, Object> negativePrice = treatmentRequest("Priced", 30, 5);
    negativePrice.put("pricesInMinorUnits", Map.of("GBP", -100));

    for (String id : List.of(existing, slug("new-practitioner"))) {
      String path = "/api/v1/practitioners/" + id;
      assertRefused(api.put(path, noName), 422, "validation-failed", "name");
      assertRefused(api.put(path, unknownTreatment), 422, "unknown-treatment", "treatmentIds[0]");
      assertRefused(api.put(path, unknownClinic), 422, "unknown-clinic", "workingHours[0].clinicId");
      assertRefused(api.put(path, badTime), 422, "validation-failed", "workingHours[0].start");
      assertRefused(api.put(path, backwards), 422, "validation-failed", "workingHours[0]");
      assertRefused(api.put(path, Map.of("name", "Rowan", "treatmentIds", "acupuncture")), 400, "malformed-request",
          "treatmentIds");
      assertRefused(api.put(path, "{\"name\": "), 400, "malformed-request");
    }
    assertRefused(api.put("/api/v1/practitioners/Not_A_Slug", practitionerRequest(treatment.id(), List.of())), 422,
        "validation-failed", "practitionerId");
    for (String id : List.of(treatment.id(), slug("new-treatment"))) {
      String path = "/api/v1/treatments/" + id;
      assertRefused(api.put(path, nameless), 422, "validation-failed", "name");
      assertRefused(api.put(path, tooShort), 422, "validation-failed", "durationMinutes");
      assertRefused(api.put(path, badCurrency), 422, "validation-failed");
      assertRefused(api.put(path, negativePrice), 422, "validation-failed");
      assertRefused(api.put(path, "{\"name\": "), 400, "malformed-request");
    }
    assertRefused(api.put("/api/v1/treatments/Not_A_Slug", treatmentRequest("Fine", 30, 5)), 422,
        "validation-failed", "treatmentId");
    assertThat(database.changesIn(DatabaseSnapshot.of(mongo))).isEmpty();
  }

  @Test
  void aClinicOrTreatmentLeavingOutANumberIsRefusedNamingIt() {
    Treatment treatment = catalogue.aTreatment().save();
    api.put("/api/v1/clinics/hull-central", clinicRequest("Willowbank Acupuncture Hull")).staff(StaffTokens.networkAdmin()).send();
    DatabaseSnapshot database = settledDatabase();

    for (String number : List.of("slotMinutes", "minimumNoticeMinutes", "horizonDays", "cancellationCutoffHours")) {
      Map<String, Object> clinic = clinicRequest("Willowbank Acupuncture Hull");
      clinic.remove(number);
      assertRefused(api.put("/api/v1/clinics/hull-central", clinic), 422, "validation-failed", number);
      assertRefused(api.put("/api/v1/clinics/" + slug("hull-east"), clinic), 422, "validation-failed", number);
    }
    for (String number : List.of("durationMinutes", "bufferMinutes")) {
      Map<String, Object> changed = treatmentRequest("Moxibustion", 30, 5);
      changed.remove(number);
      assertRefused(api.put("/api/v1/treatments/" + treatment.id(), changed), 422, "validation-failed", number);
    }
    assertThat(database.changesIn(DatabaseSnapshot.of(mongo))).isEmpty();
  }

  private static void assertRefused(Api.Request request, int status, String type, String... fields) {
    Api.Response response = request.staff(StaffTokens.networkAdmin()).send();
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).as(response.body()).isEqualTo(type);
    List<String> named = StreamSupport.stream(response.json().path("errors").spliterator(), false)
        .map(error -> error.path("field").asString()).toList();
    if (fields.length > 0) {
      assertThat(named).as(response.body()).contains(fields);
    }
    if (status == 422) {
      assertThat(named).as("422s name the fields").isNotEmpty();
    }
  }

  private static String slug(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> treatmentRequest(String name, int durationMinutes, int bufferMinutes) {
    Map<String, Object> treatment = new java.util.LinkedHashMap<>();
    treatment.put("name", name);
    treatment.put("description", "Warming herbs near the points, then needles.");
    treatment.put("durationMinutes", durationMinutes);
    treatment.put("bufferMinutes", bufferMinutes);
    treatment.put("pricesInMinorUnits", Map.of("GBP", 5500));
    return treatment;
  }

  private static Map<String, Object> practitionerRequest(String treatmentId, List<Map<String, String>> hours) {
    Map<String, Object> practitioner = new java.util.LinkedHashMap<>();
    practitioner.put("name", "Rowan Achterberg");
    practitioner.put("credentials", "L.Ac., MBAcC");
    practitioner.put("bio", "Fifteen years in practice.");
    practitioner.put("specialties", List.of("Pain"));
    practitioner.put("treatmentIds", List.of(treatmentId));
    practitioner.put("workingHours", hours);
    return practitioner;
  }

  private static Map<String, String> hours(String clinicId, String day, String start, String end) {
    return Map.of("clinicId", clinicId, "day", day, "start", start, "end", end);
  }

  private static Map<String, Object> clinicRequest(String name) {
    Map<String, Object> clinic = new java.util.LinkedHashMap<>();
    clinic.put("name", name);
    clinic.put("address", "5 Park Row, Leeds LS1 5ZZ");
    clinic.put("phone", "+44 113 496 0000");
    clinic.put("email", "leeds@willowbank-acupuncture.example");
    clinic.put("zoneId", "Europe/London");
    clinic.put("currency", "GBP");
    clinic.put("openingHours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "17:00")));
    clinic.put("slotMinutes", 15);
    clinic.put("minimumNoticeMinutes", 120);
    clinic.put("horizonDays", 60);
    clinic.put("cancellationCutoffHours", 24);
    clinic.put("reminderLeadHours", 24);
    return clinic;
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.path("id").asString()).toList();
  }

  private static List<String> days(JsonNode practitioners, String id) {
    return StreamSupport.stream(practitioners.spliterator(), false)
        .filter(p -> p.path("id").asString().equals(id))
        .flatMap(p -> StreamSupport.stream(p.path("workingHours").spliterator(), false))
        .map(hours -> hours.path("day").asString())
        .toList();
  }
}
