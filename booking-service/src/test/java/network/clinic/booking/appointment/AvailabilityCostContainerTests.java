package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import network.clinic.booking.ContainerBooking;
import network.clinic.booking.outbox.Outbox;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerBooking.class)
class AvailabilityCostContainerTests extends AvailabilityCostScenarios {

  /** Real MongoDB only: the wire server accepts but ignores compound indexes and has no planner. */
  @Test
  void theBusyTimesQueryIsAnIndexScanOnPractitionerAndStart() {
    Document filter = Document.parse(AppointmentStore.busyFilter(List.of("p1", "p2"),
            Instant.parse("2026-03-16T00:00:00Z"), Instant.parse("2026-03-17T00:00:00Z"))
        .toBsonDocument().toJson());

    Document explain = mongo.getDb().runCommand(new Document("explain",
            new Document("find", Outbox.COLLECTION).append("filter", filter))
        .append("verbosity", "queryPlanner"));

    String winningPlan = explain.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
    assertThat(winningPlan).contains("IXSCAN").contains(AppointmentStore.PRACTITIONER_START_INDEX)
        .doesNotContain("COLLSCAN");
  }
}
