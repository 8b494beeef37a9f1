package network.clinic.support.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, and whether they may touch a clinic's data. */
public class StaffAccess {

  /** The staff member of the current request; fails if the request carries no staff token. */
  public StaffMember current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof StaffMember staff) {
      return staff;
    }
    throw new AccessDeniedException("No staff member is signed in");
  }

  /** Throws {@link ClinicAccessDeniedException} (403) unless the caller may act for {@code clinicId}. */
  public StaffMember requireClinic(String clinicId) {
    StaffMember staff = current();
    if (!staff.mayAccessClinic(clinicId)) {
      throw new ClinicAccessDeniedException();
    }
    return staff;
  }
}
