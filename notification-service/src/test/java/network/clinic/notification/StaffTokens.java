package network.clinic.notification;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs staff tokens the way the identity provider (or the local stack) does. */
public final class StaffTokens {

  /** Scenarios set {@code clinic.security.jwt.secret} to this. */
  public static final String SECRET = "notification-service-test-secret-0123456789abcdef";

  private StaffTokens() {}

  public static String staffOf(String clinicId) {
    return "Bearer " + sign("staff-" + clinicId, "clinic-staff", clinicId);
  }

  public static String networkAdmin() {
    return "Bearer " + sign("admin", "network-admin", null);
  }

  private static String sign(String subject, String role, String clinicId) {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
        new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    // Real time, not the scenarios' clock: the token is checked by the JWT decoder's own clock.
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .subject(subject)
        .issuedAt(now)
        .expiresAt(now.plusSeconds(600))
        .claim("role", role);
    if (clinicId != null) {
      claims.claim("clinic_id", clinicId);
    }
    return encoder.encode(JwtEncoderParameters.from(
        JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
  }
}
