package network.clinic.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwt how staff tokens are verified: with a JWKS URL when set (production issuer),
 *     otherwise with the shared HMAC secret (local stack and compose); when an issuer is set, a
 *     token's {@code iss} must be exactly it
 * @param cors which clinic websites may call the public APIs from a browser
 */
@ConfigurationProperties("clinic.security")
public record SecurityProperties(Jwt jwt, Cors cors) {

  public record Jwt(String secret, String jwkSetUri, String issuer) {}

  public record Cors(List<String> allowedOrigins) {}
}
