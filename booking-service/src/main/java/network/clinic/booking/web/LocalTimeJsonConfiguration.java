package network.clinic.booking.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Clinic-local times always carry a numeric offset: {@code 2026-11-24T12:00:00+00:00} rather than
 * the {@code Z} Jackson writes for a zero offset, which a clinic website would read as "UTC"
 * instead of "London time, which is GMT today".
 */
@Configuration(proxyBeanMethods = false)
class LocalTimeJsonConfiguration {

  static final DateTimeFormatter WITH_NUMERIC_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  @Bean
  SimpleModule clinicLocalTimes() {
    return new SimpleModule("clinic-local-times").addSerializer(OffsetDateTime.class, new NumericOffsetSerializer());
  }

  private static final class NumericOffsetSerializer extends ValueSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
      generator.writeString(value.format(WITH_NUMERIC_OFFSET));
    }
  }
}
