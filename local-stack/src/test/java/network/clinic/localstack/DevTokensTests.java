package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class DevTokensTests {

  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

  @Test
  void mintsOneAdminAndOneStaffTokenPerDemoClinicVerifiableWithTheSecret() {
    List<DevTokens.DevToken> tokens = DevTokens.mint(SECRET, Instant.now());

    assertThat(tokens).hasSize(1 + DevTokens.DEMO_CLINICS.size());
    Jwt admin = decoder(SECRET).decode(tokens.getFirst().token());
    assertThat(admin.getClaimAsString("role")).isEqualTo("network-admin");
    assertThat(admin.hasClaim("clinic_id")).isFalse();
    Jwt staff = decoder(SECRET).decode(tokens.get(1).token());
    assertThat(staff.getClaimAsString("role")).isEqualTo("clinic-staff");
    assertThat(staff.getClaimAsString("clinic_id")).isEqualTo(DevTokens.DEMO_CLINICS.getFirst());
    assertThat(staff.getExpiresAt()).isAfter(Instant.now().plus(DevTokens.LIFETIME).minusSeconds(60));
  }

  @Test
  void tokensDoNotVerifyWithAnotherSecret() {
    String token = DevTokens.mint(SECRET, Instant.now()).getFirst().token();

    assertThatThrownBy(() -> decoder("another-secret-that-is-also-long-enough-123").decode(token))
        .isInstanceOf(JwtException.class);
  }

  private static NimbusJwtDecoder decoder(String secret) {
    return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
        .macAlgorithm(MacAlgorithm.HS256)
        .build();
  }
}
