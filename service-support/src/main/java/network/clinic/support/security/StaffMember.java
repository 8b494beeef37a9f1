package network.clinic.support.security;

import java.util.Objects;

/**
 * The person behind a staff token. {@code clinicId} is null for network admins.
 *
 * @param subject the token's {@code sub}; safe to log (no personal data)
 */
public record StaffMember(String subject, StaffRole role, String clinicId) {

  public boolean isNetworkAdmin() {
    return role == StaffRole.NETWORK_ADMIN;
  }

  /** Network admins reach every clinic; clinic staff only their own. */
  public boolean mayAccessClinic(String clinicId) {
    return isNetworkAdmin() || (role == StaffRole.CLINIC_STAFF && Objects.equals(this.clinicId, clinicId));
  }
}
