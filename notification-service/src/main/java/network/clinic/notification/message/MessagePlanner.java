package network.clinic.notification.message;

import network.clinic.support.tracing.TraceContinuity;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.notification.inbox.LatestChangeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the messages an appointment change calls for, while the inbox handles the event and
 * before it marks it received. Both steps are idempotent, keyed by the event id: superseding
 * matches only earlier changes' messages, and a message id exists once. So a redelivery after a
 * crash repeats them without sending anything twice.
 */
@Component
class MessagePlanner implements LatestChangeHandler {

  private static final Logger log = LoggerFactory.getLogger(MessagePlanner.class);

  private final MessageStore store;
  private final Clock clock;
  private final TraceContinuity traces;

  MessagePlanner(MessageStore store, Clock clock, TraceContinuity traces) {
    this.store = store;
    this.clock = clock;
    this.traces = traces;
  }

  @Override
  public void onLatestChange(AppointmentEvent event) {
    Instant now = clock.instant();
    String eventId = event.eventId().toString();
    // First: a reminder for the old time must not survive a move or a cancellation.
    long superseded = store.supersede(event.appointmentId(), event.sequence(), eventId, now);
    List<PlannedMessage> planned = MessagePlan.forEvent(event, now);
    int recorded = 0;
    if (!planned.isEmpty()) {
      String payload = AppointmentEventJson.write(event);
      for (PlannedMessage message : planned) {
        recorded += store.record(Message.pending(message, payload, traces.currentTraceparent(), now)) ? 1 : 0;
      }
    }
    // Ids and counts only.
    log.debug("Event {} of appointment {}: {} messages planned, {} newly recorded, {} superseded",
        eventId, event.appointmentId(), planned.size(), recorded, superseded);
  }
}
