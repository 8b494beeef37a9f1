package network.clinic.support.security;

import java.util.List;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified token into a {@link StaffMember}. A token without a known role, or a clinic
 * staff token without a clinic, authenticates but grants nothing, so staff endpoints answer 403.
 */
final class StaffTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String ROLE_CLAIM = "role";
  static final String CLINIC_CLAIM = "clinic_id";

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Optional<StaffRole> role = StaffRole.fromClaim(jwt.getClaimAsString(ROLE_CLAIM));
    String clinicId = jwt.getClaimAsString(CLINIC_CLAIM);
    boolean complete = role.isPresent() && (role.get() == StaffRole.NETWORK_ADMIN || clinicId != null);
    StaffMember staff = new StaffMember(jwt.getSubject(), complete ? role.get() : null, clinicId);
    List<GrantedAuthority> authorities =
        complete ? List.of(new SimpleGrantedAuthority(role.get().authority())) : List.of();
    return new StaffAuthentication(jwt, staff, authorities);
  }

  /** Keeps the token as credentials and the staff member as principal. */
  private static final class StaffAuthentication extends AbstractAuthenticationToken {

    private final Jwt jwt;
    private final StaffMember staff;

    StaffAuthentication(Jwt jwt, StaffMember staff, List<GrantedAuthority> authorities) {
      super(authorities);
      this.jwt = jwt;
      this.staff = staff;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return jwt;
    }

    @Override
    public Object getPrincipal() {
      return staff;
    }

    @Override
    public String getName() {
      return staff.subject();
    }
  }
}
