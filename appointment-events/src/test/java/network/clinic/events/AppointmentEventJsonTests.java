package network.clinic.events;

import static network.clinic.events.AppointmentEvents.aBookedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AppointmentEventJsonTests {

  @Test
  void writesJavaTimeAsIsoStrings() {
    JsonNode json = AppointmentEventJson.mapper().readTree(aBookedEvent().json());

    assertThat(json.get("occurredAt").asString()).isEqualTo("2026-06-20T16:42:09.123456Z");
    // 11:00 in London in July is 10:00 UTC.
    assertThat(json.at("/time/start").asString()).isEqualTo("2026-07-01T10:00:00Z");
    assertThat(json.at("/time/localStart").asString()).isEqualTo("2026-07-01T11:00:00");
  }

  @Test
  void writesEnumsByNameAndAbsentValuesAsNull() {
    JsonNode json = AppointmentEventJson.mapper().readTree(aBookedEvent().json());

    assertThat(json.get("type").asString()).isEqualTo("BOOKED");
    assertThat(json.get("previousTime").isNull()).isTrue();
    assertThat(json.get("cancellation").isNull()).isTrue();
  }

  @Test
  void readsWhatItWrites() {
    AppointmentEvent event = AppointmentEvents.aRescheduledEvent().build();

    assertThat(AppointmentEventJson.read(AppointmentEventJson.write(event))).isEqualTo(event);
  }

  @Test
  void ignoresPropertiesItDoesNotKnow() {
    AppointmentEvent event = aBookedEvent().build();
    String newer = AppointmentEventJson.write(event)
        .replaceFirst("\\{", "{\"channel\":\"online\",")
        .replace("\"consent\":", "\"preferredLanguage\":\"cy\",\"consent\":");

    assertThat(AppointmentEventJson.read(newer)).isEqualTo(event);
  }

  @Test
  void unreadableBodyFailsWithoutQuotingIt() {
    String json = aBookedEvent().json()
        .replace("3c7d9e21-6a4b-4f58-9b02-d1e8a5c4f730", AppointmentEvents.PATIENT_EMAIL);

    InvalidEventException thrown = catchThrowableOfType(InvalidEventException.class,
        () -> AppointmentEventJson.read(json));

    assertThat(thrown).hasMessageContaining("$.eventId")
        .hasMessageNotContaining(AppointmentEvents.PATIENT_EMAIL)
        .hasNoCause();
  }

  @Test
  void sharesOneMapper() {
    assertThat(AppointmentEventJson.mapper()).isSameAs(AppointmentEventJson.mapper());
  }
}
