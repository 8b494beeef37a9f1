package network.clinic.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks event bodies against the JSON Schemas in {@code /schemas}, one per {@link EventType}.
 * Meant for producer and consumer contract tests; errors name locations, never values.
 */
public final class AppointmentEventSchemas {

  private AppointmentEventSchemas() {}

  /** The contract violations of {@code json} as {@code type}; empty when it is valid. */
  public static List<String> validate(EventType type, String json) {
    JsonNode body;
    try {
      body = AppointmentEventJson.mapper().readTree(json);
    } catch (JacksonException e) {
      // Parsed here rather than by the validator, whose exception would quote the body.
      return List.of("not well-formed JSON at " + AppointmentEventJson.describe(e));
    }
    return Loaded.SCHEMAS.get(type).validate(body).stream()
        .map(AppointmentEventSchemas::describe)
        .toList();
  }

  /** @throws InvalidEventException listing the violations, if there are any */
  public static void requireValid(EventType type, String json) {
    List<String> errors = validate(type, json);
    if (!errors.isEmpty()) {
      throw new InvalidEventException("Invalid " + type.cloudEventType() + " event", errors);
    }
  }

  /** The first example in the type's schema, a complete valid body, as compact JSON. */
  public static String example(EventType type) {
    return Loaded.EXAMPLES.get(type);
  }

  private static String describe(Error error) {
    // e.g. "$.patient.email: does not match the email pattern must be a valid RFC 5321 Mailbox"
    return error.getInstanceLocation() + ": " + error.getMessage();
  }

  /** Loaded on first use; class initialisation makes that once and thread-safe. */
  private static final class Loaded {

    static final Map<EventType, Schema> SCHEMAS = new EnumMap<>(EventType.class);
    static final Map<EventType, String> EXAMPLES = new EnumMap<>(EventType.class);

    static {
      SchemaRegistryConfig config = SchemaRegistryConfig.builder()
          // Draft 2020-12 treats "format" as a mere annotation; the contract relies on
          // email, uuid, uri and date-time being checked.
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          // Messages come from bundles in many languages; keep them independent of the host.
          .locale(Locale.ENGLISH)
          .build();
      // No $id in the schemas: relative $refs resolve against the classpath location.
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
      for (EventType type : EventType.values()) {
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
        // Resolve all $refs now, so a broken schema fails here and validation never loads lazily.
        schema.initializeValidators();
        SCHEMAS.put(type, schema);
        JsonNode example = schema.getSchemaNode().path("examples").path(0);
        if (!example.isObject()) {
          throw new IllegalStateException(type.schemaResource() + " has no example");
        }
        EXAMPLES.put(type, AppointmentEventJson.mapper().writeValueAsString(example));
      }
    }
  }
}
