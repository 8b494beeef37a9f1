package network.clinic.support.security;

import org.springframework.security.access.AccessDeniedException;

/** A staff member reached for another clinic's data. */
public class ClinicAccessDeniedException extends AccessDeniedException {

  public ClinicAccessDeniedException() {
    super("Staff may only act for their own clinic");
  }
}
