package network.clinic.support.security;

import io.micrometer.tracing.Tracer;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A minimal app with public, clinic-scoped, admin and failing endpoints. */
@SpringBootApplication
public class SecuredTestApplication {

  @RestController
  static class Endpoints {

    private final StaffAccess staffAccess;
    private final Tracer tracer;

    Endpoints(StaffAccess staffAccess, Tracer tracer) {
      this.staffAccess = staffAccess;
      this.tracer = tracer;
    }

    @GetMapping("/api/v1/current-trace")
    Map<String, String> currentTrace() {
      return Map.of("traceId", tracer.currentSpan().context().traceId());
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

    @GetMapping("/api/v1/broken")
    Map<String, String> broken() {
      throw new IllegalStateException("patient jane@example.org could not be loaded");
    }

    @GetMapping("/api/v1/database-down")
    Map<String, String> databaseDown() {
      throw new DataAccessResourceFailureException("Timed out after 2000 ms while waiting for a server");
    }

    @NetworkAdminOnly
    @GetMapping("/api/v1/network")
    Map<String, String> adminOnly() {
      return Map.of("ok", "yes");
    }
  }
}
