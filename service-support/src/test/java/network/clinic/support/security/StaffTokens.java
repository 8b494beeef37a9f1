package network.clinic.support.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs staff tokens in tests the way the local stack's dev tokens are signed. */
final class StaffTokens {

  static final String SECRET = "test-secret-for-staff-tokens-0123456789abcdef";

  private StaffTokens() {}

  static String staffOf(String clinicId) {
    return withClaims("staff-" + clinicId, "clinic-staff", clinicId, Instant.now().plusSeconds(600), SECRET);
  }

  static String networkAdmin() {
    return withClaims("network-admin", "network-admin", null, Instant.now().plusSeconds(600), SECRET);
  }

  static String withClaims(String subject, String role, String clinicId, Instant expiresAt, String secret) {
    NimbusJwtEncoder encoder =
        new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder().subject(subject).issuedAt(expiresAt.minusSeconds(7200)).expiresAt(expiresAt).claim("role", role);
    if (clinicId != null) {
      claims.claim("clinic_id", clinicId);
    }
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
        .getTokenValue();
  }
}
