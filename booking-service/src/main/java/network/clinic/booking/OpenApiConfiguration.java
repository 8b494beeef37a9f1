package network.clinic.booking;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API and the staff bearer scheme that protected operations refer to as "staff". */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI bookingApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Clinic Network booking API")
            .version("v1")
            .description("Clinics, practitioners, treatments, availability and appointments. Errors are "
                + "RFC 9457 problem documents with stable type URIs under https://clinic.network/problems/. "
                + "Patients manage an appointment with the X-Manage-Token header."))
        .components(new Components().addSecuritySchemes("staff", new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("Staff token with claims role (network-admin | clinic-staff) and clinic_id")));
  }
}
