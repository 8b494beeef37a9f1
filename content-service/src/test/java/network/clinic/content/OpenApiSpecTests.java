package network.clinic.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import network.clinic.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as the running service describes it must equal the committed {@code openapi.json}, so
 * every API change shows up in review. After an intended change, regenerate with
 * {@code ./mvnw -B -pl content-service test -Dtest=OpenApiSpecTests -Dopenapi.write=true} and
 * commit the file.
 */
class OpenApiSpecTests extends ContentScenarios {

  private static final Path COMMITTED = Path.of("openapi.json");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().register(registry, "content-openapi");
  }

  @Test
  void committedSpecMatchesTheRunningApi() throws Exception {
    String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    JsonNode live = JSON.readTree(served);
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
    }

    assertThat(COMMITTED).as("content-service/openapi.json is missing; create it with -Dopenapi.write=true").exists();
    assertThat(JSON.readTree(Files.readString(COMMITTED)))
        .as(
            "content-service/openapi.json differs from the running API. If the change is intended, run "
                + "./mvnw -B -pl content-service test -Dtest=OpenApiSpecTests -Dopenapi.write=true and commit the file")
        .isEqualTo(live);
  }

  @Test
  void specDescribesThePublicAndStaffOperations() throws Exception {
    JsonNode spec = JSON.readTree(Files.readString(COMMITTED));

    assertThat(spec.at("/paths/~1api~1v1~1articles/get/parameters").toString()).contains("\"q\"").contains("\"cursor\"").contains("\"clinicId\"");
    assertThat(spec.at("/paths/~1api~1v1~1articles~1{slug}/get").isMissingNode()).isFalse();
    assertThat(spec.at("/paths/~1api~1v1~1articles~1import/post/security").toString()).contains("staffToken");
    assertThat(spec.at("/components/securitySchemes/staffToken/scheme").asString()).isEqualTo("bearer");
  }
}
