package network.clinic.notification;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API in the generated OpenAPI document (committed as openapi.json). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  /** The security scheme staff operations name. */
  public static final String STAFF_TOKEN = "staff-token";

  @Bean
  OpenAPI notificationApi() {
    return new OpenAPI()
        .info(new Info()
            .title("notification-service")
            .version("v1")
            .description("What was sent to patients about their appointments, for clinic staff."))
        .components(new Components().addSecuritySchemes(STAFF_TOKEN, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("Staff JWT with the claims role (network-admin or clinic-staff) and,"
                + " for clinic staff, clinic_id")));
  }
}
