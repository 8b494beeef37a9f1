package network.clinic.booking.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.StaffTokens;
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
