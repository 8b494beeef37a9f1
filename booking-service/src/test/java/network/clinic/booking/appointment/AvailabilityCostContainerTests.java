package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import network.clinic.booking.ContainerBooking;
import network.clinic.booking.availability.Claims;
import network.clinic.booking.outbox.Outbox;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerBooking.class)
class AvailabilityCostContainerTests extends AvailabilityCostScenarios {

  /** Real MongoDB only: the wire server has no planner to explain (see TakenClaimsCostTests). */
  @Test
  void theTakenClaimsQueryIsAnIndexScanOnTheUniqueClaimsIndex() {
    List<String> cells = Claims.covering("p1", Instant.parse("2026-03-16T08:00:00Z"),
        Instant.parse("2026-03-16T20:00:00Z"));
    Document filter = Document.parse(AppointmentStore.holdingAny(cells).toBsonDocument().toJson());

    Document explain = mongo.getDb().runCommand(new Document("explain",
            new Document("find", Outbox.COLLECTION).append("filter", filter))
        .append("verbosity", "executionStats"));

    String winningPlan = explain.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
    assertThat(winningPlan).contains("IXSCAN").contains(AppointmentStore.CLAIMS_INDEX)
        .doesNotContain("COLLSCAN");
    // Nobody holds p1's cells: however many appointments other scenarios stored, none is read.
    Number examined = (Number) explain.get("executionStats", Document.class).get("totalDocsExamined");
    assertThat(examined.longValue()).isZero();
  }
}
