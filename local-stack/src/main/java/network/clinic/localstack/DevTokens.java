package network.clinic.localstack;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Staff bearer tokens for the demo clinics, signed with the same HMAC secret the services verify
 * with. For local use only: production verifies tokens from a real issuer's JWKS.
 */
public final class DevTokens {

  static final String ISSUER = "clinic-network-local";
  static final Duration LIFETIME = Duration.ofDays(30);

  /** The demo clinics booking-service seeds on an empty database. */
  public static final List<String> DEMO_CLINICS = List.of("london-camden", "london-richmond", "toronto-annex");

  private DevTokens() {}

  public record DevToken(String description, String token) {}

  static List<DevToken> mint(String secret, Instant now) {
    NimbusJwtEncoder encoder =
        new NimbusJwtEncoder(
            new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    List<DevToken> tokens = new ArrayList<>();
    tokens.add(new DevToken("network admin (all clinics)", encode(encoder, "network-admin", "network-admin", null, now)));
    for (String clinic : DEMO_CLINICS) {
      tokens.add(
          new DevToken("staff of " + clinic, encode(encoder, "staff-" + clinic, "clinic-staff", clinic, now)));
    }
    return tokens;
  }

  private static String encode(NimbusJwtEncoder encoder, String subject, String role, String clinic, Instant now) {
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(LIFETIME))
            .claim("role", role);
    if (clinic != null) {
      claims.claim("clinic_id", clinic);
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }
}
