package network.clinic.booking;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs staff tokens as the local stack does, with the tests' {@code clinic.security.jwt.secret}. */
public final class StaffTokens {

  public static final String SECRET = "booking-test-secret-for-staff-tokens-0123456789";

  private StaffTokens() {}

  public static String staffOf(String clinicId) {
    return sign("staff-of-" + clinicId, "clinic-staff", clinicId);
  }

  public static String networkAdmin() {
    return sign("network-admin", "network-admin", null);
  }

  private static String sign(String subject, String role, String clinicId) {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(
        new ImmutableSecret<>(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
    // Real time, not the test clock: the resource server checks expiry against the system clock.
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .subject(subject).issuedAt(now).expiresAt(now.plusSeconds(3600)).claim("role", role);
    if (clinicId != null) {
      claims.claim("clinic_id", clinicId);
    }
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
        .getTokenValue();
  }
}
