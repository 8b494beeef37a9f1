package network.clinic.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed {@code openapi.json} is what the service serves, so every API change shows up in
 * review. Run with {@code -Dopenapi.write=true} to rewrite it after an intended change.
 */
@ContextConfiguration(initializers = EmbeddedBooking.class)
class OpenApiSpecTests extends BookingIntegrationTest {

  static final Path SPEC = Path.of("openapi.json");
  static final JsonMapper PRETTY = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  @Test
  void theServedSpecMatchesTheCommittedOne() throws IOException {
    Api.Response served = api.get("/v3/api-docs").send();
    assertThat(served.status()).isEqualTo(200);
    ObjectNode spec = (ObjectNode) PRETTY.readTree(served.body());
    // The server URL names the test's random port.
    spec.remove("servers");
    String generated = PRETTY.writeValueAsString(PRETTY.treeToValue(spec, Object.class)) + "\n";

    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(SPEC, generated);
    }

    assertThat(Files.exists(SPEC))
        .as("booking-service/openapi.json is missing: run ./mvnw -pl booking-service verify -Dopenapi.write=true")
        .isTrue();
    JsonNode committed = PRETTY.readTree(Files.readString(SPEC));
    assertThat(committed)
        .as("The API changed: review it, then run ./mvnw -pl booking-service verify -Dopenapi.write=true "
            + "and commit booking-service/openapi.json")
        .isEqualTo(PRETTY.readTree(generated));
    assertThat(generated).contains("/api/v1/appointments", "/api/v1/clinics/{clinicId}/availability",
        "X-Manage-Token", "\"staff\"");
  }
}
