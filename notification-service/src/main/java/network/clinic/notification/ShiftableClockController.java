package network.clinic.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /test-support/clock/advance?by=PT24H}: only under the controllable-clock profile. */
@RestController
@Profile(ShiftableClock.PROFILE)
class ShiftableClockController {

  private static final Logger log = LoggerFactory.getLogger(ShiftableClockController.class);

  private final ShiftableClock clock;

  ShiftableClockController(ShiftableClock clock) {
    this.clock = clock;
    log.warn("Profile {} is active: the service clock can be moved over HTTP. Never use this in production.", ShiftableClock.PROFILE);
  }

  @PostMapping("/test-support/clock/advance")
  ResponseEntity<?> advance(@RequestParam String by) {
    try {
      Instant now = clock.advance(Duration.parse(by));
      return ResponseEntity.ok(Map.of("now", now.toString()));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      ProblemDetail problem = ProblemDetail.forStatus(400);
      problem.setDetail("'by' must be a positive ISO-8601 duration such as PT24H");
      return ResponseEntity.badRequest().body(problem);
    }
  }
}
