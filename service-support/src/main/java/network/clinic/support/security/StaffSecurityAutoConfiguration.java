package network.clinic.support.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Staff authentication shared by all services: bearer JWTs carrying {@code role} and
 * {@code clinic_id}. Every path is open at the filter level; staff endpoints are closed with
 * {@link StaffOnly} / {@link NetworkAdminOnly} on the handler, so public APIs, health, metrics
 * and the OpenAPI document need no list of exceptions that could drift.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class StaffSecurityAutoConfiguration {

  private static final int MIN_SECRET_BYTES = 32;

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder staffJwtDecoder(SecurityProperties properties) {
    SecurityProperties.Jwt jwt = properties.jwt();
    NimbusJwtDecoder decoder = jwt != null && hasText(jwt.jwkSetUri())
        ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
        : NimbusJwtDecoder.withSecretKey(hmacKey(jwt)).macAlgorithm(MacAlgorithm.HS256).build();
    if (jwt != null && hasText(jwt.issuer())) {
      // An identity provider's keys may sign tokens for other audiences too: only its staff
      // issuer is trusted here (expiry and not-before are still checked)
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuer()));
    }
    return decoder;
  }

  private static SecretKey hmacKey(SecurityProperties.Jwt jwt) {
    String secret = jwt == null ? null : jwt.secret();
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "STAFF_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes (or set STAFF_JWT_JWK_SET_URI)");
    }
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  @Bean
  @ConditionalOnMissingBean(RequestRejectedHandler.class)
  RequestRejectedHandler rejectedRequestProblems() {
    return new RejectedRequestProblems();
  }

  @Bean
  @ConditionalOnMissingBean
  StaffAccess staffAccess() {
    return new StaffAccess();
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain staffSecurityFilterChain(HttpSecurity http) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .cors(Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new StaffTokenConverter()))
                    .authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()));
    return http.build();
  }

  // By name: Spring MVC's HandlerMappingIntrospector is a CorsConfigurationSource too, and a
  // by-type condition would back off because of it, leaving CORS closed to every website.
  @Bean
  @ConditionalOnMissingBean(name = "corsConfigurationSource")
  CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    List<String> origins =
        properties.cors() == null || properties.cors().allowedOrigins() == null
            ? List.of()
            : properties.cors().allowedOrigins().stream().filter(o -> !o.isBlank()).toList();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    // X-Manage-Token: clinic websites' manage pages send the patient's appointment token from the browser
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-None-Match", "If-Match", "X-Manage-Token"));
    cors.setExposedHeaders(List.of("Location", "ETag", "Retry-After"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }
}
