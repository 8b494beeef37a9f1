package network.clinic.support.security;

import java.util.Arrays;
import java.util.Optional;

/** The {@code role} claim of a staff token, and the Spring Security role it grants. */
public enum StaffRole {
  /** Runs the network: every clinic, network-wide content. */
  NETWORK_ADMIN("network-admin"),
  /** Works at one clinic, named by the token's {@code clinic_id} claim. */
  CLINIC_STAFF("clinic-staff");

  private final String claimValue;

  StaffRole(String claimValue) {
    this.claimValue = claimValue;
  }

  public String claimValue() {
    return claimValue;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  static Optional<StaffRole> fromClaim(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }
}
