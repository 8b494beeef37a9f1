package network.clinic.booking.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import network.clinic.booking.Api;
import network.clinic.booking.BookingIntegrationTest;
import network.clinic.booking.StaffTokens;
import network.clinic.booking.clinic.Clinic;
import network.clinic.booking.treatment.Treatment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Clinic staff manage their own practitioners' hours and time off, and nothing at other clinics. */
abstract class ScheduleScenarios extends BookingIntegrationTest {

  Clinic camden;
  Clinic richmond;
  Treatment treatment;
  Practitioner shared;

  @BeforeEach
  void catalogue() {
    camden = catalogue.aClinic().open("09:00", "17:00").save();
    richmond = catalogue.aClinic().open("09:00", "17:00").save();
    treatment = catalogue.aTreatment().minutes(60, 15).save();
    shared = catalogue.aPractitioner().offering(treatment)
        .worksAt(camden, "09:00", "17:00", EnumSet.of(DayOfWeek.MONDAY))
        .worksAt(richmond, "09:00", "17:00", EnumSet.of(DayOfWeek.TUESDAY))
        .save();
  }

  @Test
  void staffReplaceTheHoursAtTheirClinicAndTheOtherClinicsHoursStay() {
    Api.Response changed = api.put(path(camden) + "/working-hours",
            List.of(Map.of("day", "WEDNESDAY", "start", "13:00", "end", "17:00")))
        .staff(StaffTokens.staffOf(camden.id())).send();

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    Practitioner stored = mongo.findById(shared.id(), Practitioner.class);
    assertThat(stored.workingHours()).containsExactlyInAnyOrder(
        new WorkingHours(richmond.id(), DayOfWeek.TUESDAY, "09:00", "17:00"),
        new WorkingHours(camden.id(), DayOfWeek.WEDNESDAY, "13:00", "17:00"));
    // Wednesday 11 March: afternoon only now; Monday 9 March: nothing at Camden any more.
    assertThat(starts(camden, "2026-03-11")).hasSize(13).first().isEqualTo("2026-03-11T13:00:00+00:00");
    assertThat(starts(camden, "2026-03-09")).isEmpty();
    assertThat(starts(richmond, "2026-03-10")).hasSize(29);
  }

  @Test
  void hoursThatEndBeforeTheyStartOrClashWithAnotherClinicAreRefused() {
    Api.Response backwards = api.put(path(camden) + "/working-hours",
        List.of(Map.of("day", "MONDAY", "start", "17:00", "end", "09:00"))).staff(StaffTokens.staffOf(camden.id())).send();
    Api.Response clash = api.put(path(camden) + "/working-hours",
        List.of(Map.of("day", "TUESDAY", "start", "08:00", "end", "10:00"))).staff(StaffTokens.staffOf(camden.id())).send();

    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.json().path("errors").get(0).path("field").asString()).isEqualTo("hours[0]");
    assertThat(clash.status()).isEqualTo(422);
    assertThat(mongo.findById(shared.id(), Practitioner.class).workingHours()).isEqualTo(shared.workingHours());
  }

  @Test
  void timeOffHidesSlotsUntilItIsRemoved() {
    String staff = StaffTokens.staffOf(richmond.id());
    Api.Response added = api.post(path(richmond) + "/time-off",
        Map.of("start", "2026-03-10T00:00:00Z", "end", "2026-03-11T00:00:00Z", "reason", "Conference")).staff(staff).send();

    assertThat(added.status()).isEqualTo(201);
    assertThat(starts(richmond, "2026-03-10")).isEmpty();
    JsonNode schedule = api.get(path(richmond) + "/schedule").staff(staff).send().json();
    assertThat(schedule.path("timeOff").get(0).path("reason").asString()).isEqualTo("Conference");
    // The public profile shows no time off.
    assertThat(api.get("/api/v1/practitioners/" + shared.id()).send().body()).doesNotContain("Conference");

    Api.Response removed = api.delete(path(richmond) + "/time-off/" + added.json().path("id").asString()).staff(staff).send();

    assertThat(removed.status()).isEqualTo(204);
    assertThat(starts(richmond, "2026-03-10")).hasSize(29);
  }

  @Test
  void staffCannotTouchPractitionersOfOtherClinics() {
    Clinic elsewhere = catalogue.aClinic().save();
    String outsider = StaffTokens.staffOf(elsewhere.id());
    List<Map<String, String>> hours = List.of(Map.of("day", "FRIDAY", "start", "09:00", "end", "17:00"));

    Api.Response otherClinicPath = api.put(path(camden) + "/working-hours", hours).staff(outsider).send();
    Api.Response ownClinicPath = api.put("/api/v1/clinics/" + elsewhere.id() + "/practitioners/" + shared.id()
        + "/working-hours", hours).staff(outsider).send();
    Api.Response timeOff = api.post(path(camden) + "/time-off",
        Map.of("start", "2026-03-10T00:00:00Z", "end", "2026-03-11T00:00:00Z")).staff(outsider).send();

    assertThat(otherClinicPath.status()).isEqualTo(403);
    assertThat(timeOff.status()).isEqualTo(403);
    assertThat(ownClinicPath.status()).isEqualTo(404);
    assertThat(mongo.findById(shared.id(), Practitioner.class)).isEqualTo(shared);
  }

  @Test
  void staffOfAnotherClinicCannotReadTheScheduleOrRemoveTimeOff() {
    Api.Response added = api.post(path(camden) + "/time-off",
        Map.of("start", "2026-03-16T00:00:00Z", "end", "2026-03-17T00:00:00Z", "reason", "Conference"))
        .staff(StaffTokens.staffOf(camden.id())).send();
    assertThat(added.status()).isEqualTo(201);
    String timeOff = "/time-off/" + added.json().path("id").asString();
    Practitioner before = mongo.findById(shared.id(), Practitioner.class);
    Clinic elsewhere = catalogue.aClinic().save();
    String outsider = StaffTokens.staffOf(elsewhere.id());
    String ownClinicPath = "/api/v1/clinics/" + elsewhere.id() + "/practitioners/" + shared.id();

    Api.Response schedule = api.get(path(camden) + "/schedule").staff(outsider).send();
    Api.Response scheduleViaOwnClinic = api.get(ownClinicPath + "/schedule").staff(outsider).send();
    Api.Response remove = api.delete(path(camden) + timeOff).staff(outsider).send();
    Api.Response removeViaOwnClinic = api.delete(ownClinicPath + timeOff).staff(outsider).send();

    for (Api.Response forbidden : List.of(schedule, remove)) {
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.problemType()).isEqualTo("forbidden");
    }
    for (Api.Response notFound : List.of(scheduleViaOwnClinic, removeViaOwnClinic)) {
      assertThat(notFound.status()).isEqualTo(404);
      assertThat(notFound.problemType()).isEqualTo("not-found");
    }
    for (Api.Response refused : List.of(schedule, scheduleViaOwnClinic)) {
      assertThat(refused.body()).doesNotContain("Conference", "MONDAY");
    }
    assertThat(mongo.findById(shared.id(), Practitioner.class)).isEqualTo(before);
    // The clinic's own staff can: the refusals were about who asked.
    assertThat(api.delete(path(camden) + timeOff).staff(StaffTokens.staffOf(camden.id())).send().status())
        .isEqualTo(204);
  }

  private String path(Clinic clinic) {
    return "/api/v1/clinics/" + clinic.id() + "/practitioners/" + shared.id();
  }

  private List<String> starts(Clinic clinic, String day) {
    Api.Response response = api.get("/api/v1/clinics/" + clinic.id() + "/availability?treatmentId=" + treatment.id()
        + "&from=" + day + "&to=" + day).send();
    assertThat(response.status()).isEqualTo(200);
    return StreamSupport.stream(response.json().path("slots").spliterator(), false)
        .map(slot -> slot.path("start").asString()).toList();
  }
}
