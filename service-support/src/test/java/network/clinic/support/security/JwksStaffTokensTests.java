package network.clinic.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Production verifies staff tokens against an identity provider's published keys (JWKS) and its
 * issuer. A small HTTP server here publishes one RSA key, as a provider would.
 */
@SpringBootTest(classes = SecuredTestApplication.class)
@AutoConfigureMockMvc
class JwksStaffTokensTests {

  private static final String ISSUER = "https://id.clinic.example/staff";
  private static final RSAKey PROVIDER_KEY = rsaKey("provider-2026");
  private static final HttpServer JWKS = publish(PROVIDER_KEY);

  @Autowired MockMvc mvc;

  @DynamicPropertySource
  static void verifyWithTheProvider(DynamicPropertyRegistry registry) {
    registry.add("clinic.security.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/.well-known/jwks.json");
    registry.add("clinic.security.jwt.issuer", () -> ISSUER);
  }

  @AfterAll
  static void stopProvider() {
    JWKS.stop(0);
  }

  @Test
  void aTokenSignedWithThePublishedKeyByTheIssuerIsAccepted() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets").header(HttpHeaders.AUTHORIZATION, bearer(token(PROVIDER_KEY, ISSUER))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject").value("staff-london-camden"));
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets")
            .header(HttpHeaders.AUTHORIZATION, bearer(token(PROVIDER_KEY, "https://id.clinic.example/patients"))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aTokenSignedWithAnUnpublishedKeyIsRefused() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets")
            .header(HttpHeaders.AUTHORIZATION, bearer(token(rsaKey("provider-2026"), ISSUER))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theSharedSecretIsNotTrustedOnceAJwksIsSet() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets")
            .header(HttpHeaders.AUTHORIZATION, bearer(StaffTokens.staffOf("london-camden"))))
        .andExpect(status().isUnauthorized());
  }

  private static String token(RSAKey key, String issuer) throws JOSEException {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(issuer)
        .subject("staff-london-camden")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(600))
        .claim("role", "clinic-staff")
        .claim("clinic_id", "london-camden")
        .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static RSAKey rsaKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer publish(RSAKey key) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      server.createContext("/.well-known/jwks.json", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
