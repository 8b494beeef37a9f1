package network.clinic.content;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

  static final String STAFF_TOKEN = "staffToken";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Fixed metadata so the generated document only changes when the API does. */
  @Bean
  OpenAPI contentOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Clinic Network content API")
                .version("v1")
                .description(
                    "Treatment articles for clinic websites: public reads and search, staff editing and import."))
        // Relative, so the committed document does not depend on the host that generated it
        .servers(List.of(new Server().url("/")))
        .components(
            new Components()
                .addSecuritySchemes(
                    STAFF_TOKEN,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
  }
}
