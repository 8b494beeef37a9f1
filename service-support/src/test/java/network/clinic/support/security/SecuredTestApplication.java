package network.clinic.support.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A minimal app with one public, one clinic-scoped and one admin endpoint. */
@SpringBootApplication
class SecuredTestApplication {

  @RestController
  static class Endpoints {

    private final StaffAccess staffAccess;

    Endpoints(StaffAccess staffAccess) {
      this.staffAccess = staffAccess;
    }

    @GetMapping("/api/v1/public")
    Map<String, String> open() {
      return Map.of("hello", "world");
    }

    @StaffOnly
    @GetMapping("/api/v1/clinics/{clinicId}/secrets")
    Map<String, String> clinicScoped(@PathVariable String clinicId) {
      return Map.of("subject", staffAccess.requireClinic(clinicId).subject());
    }

    @NetworkAdminOnly
    @GetMapping("/api/v1/network")
    Map<String, String> adminOnly() {
      return Map.of("ok", "yes");
    }
  }
}
