package network.clinic.events;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one wire format of {@link AppointmentEvent}, shared by producers and consumers so both sides
 * agree with the JSON Schemas: java.time as ISO-8601 strings, enums by name, nulls written.
 */
public final class AppointmentEventJson {

  // Jackson 3 mappers are immutable and thread-safe, so one instance can be handed out freely.
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          // Both are Jackson 3 defaults already; pinned because the schemas depend on them.
          // Tolerant reader: v1 grows by adding fields, which older consumers must ignore.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Instant as "2026-06-16T08:30:00Z", LocalDateTime as "2026-06-16T09:30:00".
          .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private AppointmentEventJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static String write(AppointmentEvent event) {
    return MAPPER.writeValueAsString(event);
  }

  /**
   * Reads an event body. Does not check the schema; use {@link AppointmentEventSchemas} for that.
   *
   * @throws InvalidEventException if the body cannot be read as an event. Jackson's own messages
   *     quote offending values (personal data), so only the kind of problem and its path are kept.
   */
  public static AppointmentEvent read(String json) {
    try {
      return MAPPER.readValue(json, AppointmentEvent.class);
    } catch (JacksonException e) {
      throw new InvalidEventException("Unreadable AppointmentEvent", List.of(describe(e)));
    }
  }

  /** Where and what kind of problem, without quoting any part of the input. */
  static String describe(JacksonException e) {
    StringBuilder path = new StringBuilder("$");
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append('.').append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String where = e.getPath().isEmpty() && e.getLocation() != null
        ? "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
        : path.toString();
    return where + ": " + e.getClass().getSimpleName();
  }
}
