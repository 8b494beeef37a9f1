package network.clinic.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = SecuredTestApplication.class)
@AutoConfigureMockMvc
class StaffSecurityTests {

  @Autowired MockMvc mvc;

  @Test
  void publicEndpointNeedsNoToken() throws Exception {
    mvc.perform(get("/api/v1/public")).andExpect(status().isOk());
  }

  @Test
  void staffEndpointWithoutTokenIsUnauthorizedProblem() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemResponses.UNAUTHORIZED_TYPE));
  }

  @Test
  void clinicStaffReachTheirOwnClinic() throws Exception {
    mvc.perform(get("/api/v1/clinics/london-camden/secrets").header(HttpHeaders.AUTHORIZATION, bearer(StaffTokens.staffOf("london-camden"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject").value("staff-london-camden"));
  }

  @Test
  void clinicStaffAreForbiddenFromAnotherClinic() throws Exception {
    mvc.perform(get("/api/v1/clinics/toronto-annex/secrets").header(HttpHeaders.AUTHORIZATION, bearer(StaffTokens.staffOf("london-camden"))))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ProblemResponses.FORBIDDEN_TYPE));
  }

  @Test
  void networkAdminReachesEveryClinicAndAdminEndpoints() throws Exception {
    String admin = bearer(StaffTokens.networkAdmin());
    mvc.perform(get("/api/v1/clinics/toronto-annex/secrets").header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/network").header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isOk());
  }

  @Test
  void clinicStaffAreForbiddenFromAdminEndpoints() throws Exception {
    mvc.perform(get("/api/v1/network").header(HttpHeaders.AUTHORIZATION, bearer(StaffTokens.staffOf("london-camden"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void tokenWithoutKnownRoleGrantsNothing() throws Exception {
    String token = StaffTokens.withClaims("someone", "patient", "london-camden", Instant.now().plusSeconds(600), StaffTokens.SECRET);
    mvc.perform(get("/api/v1/clinics/london-camden/secrets").header(HttpHeaders.AUTHORIZATION, bearer(token)))
        .andExpect(status().isForbidden());
  }

  @Test
  void clinicStaffTokenWithoutClinicGrantsNothing() throws Exception {
    String token = StaffTokens.withClaims("someone", "clinic-staff", null, Instant.now().plusSeconds(600), StaffTokens.SECRET);
    mvc.perform(get("/api/v1/clinics/london-camden/secrets").header(HttpHeaders.AUTHORIZATION, bearer(token)))
        .andExpect(status().isForbidden());
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    String token = StaffTokens.withClaims("staff-x", "network-admin", null, Instant.now().minusSeconds(3600), StaffTokens.SECRET);
    mvc.perform(get("/api/v1/clinics/london-camden/secrets").header(HttpHeaders.AUTHORIZATION, bearer(token)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void tokenSignedWithAnotherSecretIsUnauthorized() throws Exception {
    String token =
        StaffTokens.withClaims("staff-x", "network-admin", null, Instant.now().plusSeconds(600), "another-secret-that-is-long-enough-0123456789");
    mvc.perform(get("/api/v1/public").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isUnauthorized());
  }

  @Test
  void configuredWebsiteMayCallFromTheBrowserWithTheManageTokenHeaderAndOthersMayNot() throws Exception {
    mvc.perform(options("/api/v1/public")
            .header(HttpHeaders.ORIGIN, "https://camden.clinic.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-manage-token,content-type"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://camden.clinic.example"))
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, org.hamcrest.Matchers.containsStringIgnoringCase("x-manage-token")));
    mvc.perform(options("/api/v1/public")
            .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST"))
        .andExpect(status().isForbidden());
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }
}
