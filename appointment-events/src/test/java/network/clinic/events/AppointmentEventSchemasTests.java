package network.clinic.events;

import static network.clinic.events.AppointmentEvents.aBookedEvent;
import static network.clinic.events.AppointmentEvents.aCancelledEvent;
import static network.clinic.events.AppointmentEvents.aRescheduledEvent;
import static network.clinic.events.AppointmentEvents.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

class AppointmentEventSchemasTests {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everySchemasExampleIsValid(EventType type) {
    assertThat(AppointmentEventSchemas.validate(type, AppointmentEventSchemas.example(type)))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everySchemasExampleHasItsOwnType(EventType type) {
    ObjectNode example = tree(AppointmentEventSchemas.example(type));

    assertThat(example.get("type").asString()).isEqualTo(type.name());
    assertThat(AppointmentEventJson.read(AppointmentEventSchemas.example(type)).type())
        .isEqualTo(type);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void exampleStaysValidAfterRoundTripThroughTheRecord(EventType type) {
    AppointmentEvent event = AppointmentEventJson.read(AppointmentEventSchemas.example(type));

    String written = AppointmentEventJson.write(event);

    assertThat(AppointmentEventSchemas.validate(type, written)).isEmpty();
    assertThat(AppointmentEventJson.read(written)).isEqualTo(event);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordBuiltFromJavaTimeValuesSerialisesToValidJson(EventType type) {
    String json = anEvent(type).json();

    assertThat(AppointmentEventSchemas.validate(type, json)).isEmpty();
  }

  @Test
  void patientWithoutPhoneIsValid() {
    assertThat(validateBooked(aBookedEvent().patientPhone(null).json())).isEmpty();
    assertThat(validateBooked(edit(aBookedEvent().json(), e -> patient(e).remove("phone"))))
        .isEmpty();
  }

  @Test
  void phoneNotInE164FormIsRejected() {
    String json = aBookedEvent().patientPhone("07700 900456").json();

    assertThat(validateBooked(json)).singleElement().asString()
        .startsWith("$.patient.phone: ")
        .contains("pattern");
  }

  @Test
  void missingRequiredFieldIsRejectedWithAnErrorNamingIt() {
    String json = edit(aBookedEvent().json(), e -> e.remove("eventId"));

    assertThat(validateBooked(json)).singleElement().asString()
        .contains("eventId")
        .contains("required");
  }

  @Test
  void missingNestedRequiredFieldIsRejectedWithItsPath() {
    String json = edit(aBookedEvent().json(), e -> e.withObject("/clinic").remove("zoneId"));

    assertThat(validateBooked(json)).singleElement().asString()
        .startsWith("$.clinic: ")
        .contains("zoneId");
  }

  @Test
  void typeOtherThanTheSchemasConstIsRejected() {
    String cancelled = aCancelledEvent().json();

    assertThat(validateBooked(cancelled)).singleElement().asString()
        .startsWith("$.type: ")
        .contains("BOOKED");
  }

  @Test
  void rescheduledWithoutPreviousTimeIsRejected() {
    String absent = edit(aRescheduledEvent().json(), e -> e.remove("previousTime"));
    String explicitNull = aRescheduledEvent().previousTime(null).json();

    assertThat(AppointmentEventSchemas.validate(EventType.RESCHEDULED, absent))
        .singleElement().asString().contains("previousTime");
    assertThat(AppointmentEventSchemas.validate(EventType.RESCHEDULED, explicitNull))
        .singleElement().asString().startsWith("$.previousTime: ");
  }

  @Test
  void previousTimeMustBeACompleteSlot() {
    String json = edit(aRescheduledEvent().json(), e -> e.withObject("/previousTime").remove("end"));

    assertThat(AppointmentEventSchemas.validate(EventType.RESCHEDULED, json))
        .singleElement().asString().startsWith("$.previousTime: ").contains("end");
  }

  @Test
  void cancelledWithoutCancellationIsRejected() {
    String absent = edit(aCancelledEvent().json(), e -> e.remove("cancellation"));
    String explicitNull = aCancelledEvent().cancellation(null).json();

    assertThat(AppointmentEventSchemas.validate(EventType.CANCELLED, absent))
        .singleElement().asString().contains("cancellation");
    assertThat(AppointmentEventSchemas.validate(EventType.CANCELLED, explicitNull))
        .singleElement().asString().startsWith("$.cancellation: ");
  }

  @Test
  void badEmailIsRejected() {
    String json = aBookedEvent().patientEmail("robin.ashdown.example.com").json();

    assertThat(validateBooked(json)).singleElement().asString()
        .startsWith("$.patient.email: ")
        .contains("email");
  }

  // Found by the system tests: booking accepted such addresses and the schema refused them, so
  // their confirmations were dead-lettered.
  @Test
  void anyAddressTheBookingApiAcceptsPasses() {
    for (String email : new String[] {"x@patients.example", "jo@localhost", "ana.o'neil+clinic@example.co.uk"}) {
      assertThat(validateBooked(aBookedEvent().patientEmail(email).json())).as(email).isEmpty();
    }
  }

  @Test
  void malformedFormatsAreRejectedNotJustAnnotated() {
    String json = edit(aBookedEvent().json(), e -> e
        .put("eventId", "not-a-uuid")
        .put("manageUrl", "no scheme here")
        .put("occurredAt", "20 June 2026"));

    assertThat(validateBooked(json)).hasSize(3)
        .anySatisfy(error -> assertThat(error).startsWith("$.eventId: "))
        .anySatisfy(error -> assertThat(error).startsWith("$.manageUrl: "))
        .anySatisfy(error -> assertThat(error).startsWith("$.occurredAt: "));
  }

  @Test
  void numericTimestampsAreRejected() {
    // What a mapper with WRITE_DATES_AS_TIMESTAMPS would write: the contract wants ISO strings.
    String json = edit(aBookedEvent().json(), e -> e.put("occurredAt", 1781973729.123456));

    assertThat(validateBooked(json)).singleElement().asString().startsWith("$.occurredAt: ");
  }

  @Test
  void localDateTimeWithOffsetIsRejected() {
    String json = edit(aBookedEvent().json(),
        e -> e.withObject("/time").put("localStart", "2026-07-01T11:00:00+01:00"));

    assertThat(validateBooked(json)).singleElement().asString()
        .startsWith("$.time.localStart: ");
  }

  @Test
  void sequenceBelowOneIsRejected() {
    String json = aBookedEvent().sequence(0).json();

    assertThat(validateBooked(json)).singleElement().asString().startsWith("$.sequence: ");
  }

  @Test
  void unknownExtraPropertiesAreAccepted() {
    String json = edit(aBookedEvent().json(), e -> {
      e.put("channel", "online");
      patient(e).put("preferredLanguage", "cy");
    });

    assertThat(validateBooked(json)).isEmpty();
  }

  @Test
  void bodyThatIsNotJsonIsReportedWithoutQuotingIt() {
    List<String> errors = validateBooked("{\"patient\": robin.ashdown@example.com}");

    assertThat(errors).singleElement().asString()
        .startsWith("not well-formed JSON")
        .doesNotContain("robin");
  }

  @Test
  void requireValidAcceptsAValidEvent() {
    assertThatCode(() -> AppointmentEventSchemas.requireValid(
        EventType.BOOKED, aBookedEvent().json())).doesNotThrowAnyException();
  }

  @Test
  void requireValidListsEveryError() {
    String json = edit(aBookedEvent().json(), e -> e.remove(List.of("eventId", "manageUrl")));

    InvalidEventException thrown = catchThrowableOfType(InvalidEventException.class,
        () -> AppointmentEventSchemas.requireValid(EventType.BOOKED, json));

    assertThat(thrown.errors()).hasSize(2);
    assertThat(thrown).hasMessageStartingWith("Invalid clinic.appointment.booked.v1 event: ")
        .hasMessageContaining("eventId")
        .hasMessageContaining("manageUrl");
  }

  @Test
  void exceptionMessageDoesNotContainThePatientsData() {
    // Invalid because of the email itself, the case most likely to echo it.
    String badEmail = "robin.ashdown@@example.com";
    String json = aBookedEvent().patientEmail(badEmail).sequence(0).json();

    InvalidEventException thrown = catchThrowableOfType(InvalidEventException.class,
        () -> AppointmentEventSchemas.requireValid(EventType.BOOKED, json));

    assertThat(thrown.errors()).hasSize(2);
    assertThat(thrown.getMessage())
        .contains("$.patient.email")
        .doesNotContain(badEmail, "robin", "Robin Ashdown", "+447700900456", "token=");
  }

  @Test
  void validatesConcurrentlyWithTheCachedSchemas() {
    List<String> jsons = IntStream.range(0, 200)
        .mapToObj(i -> i % 2 == 0 ? aBookedEvent().json() : aBookedEvent().sequence(0).json())
        .toList();

    List<Integer> errorCounts = jsons.parallelStream()
        .map(json -> validateBooked(json).size())
        .toList();

    assertThat(errorCounts).containsOnly(0, 1).containsSequence(0, 1, 0, 1);
  }

  private static List<String> validateBooked(String json) {
    return AppointmentEventSchemas.validate(EventType.BOOKED, json);
  }

  private static ObjectNode tree(String json) {
    return (ObjectNode) AppointmentEventJson.mapper().readTree(json);
  }

  private static ObjectNode patient(ObjectNode event) {
    return event.withObject("/patient");
  }

  /** The JSON with one change applied, for bodies the record cannot express. */
  private static String edit(String json, Consumer<ObjectNode> change) {
    ObjectNode tree = tree(json);
    change.accept(tree);
    return AppointmentEventJson.mapper().writeValueAsString(tree);
  }
}
