package network.clinic.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.notification.inbox.LatestChangeHandler;
import network.clinic.support.tracing.TraceContinuity;
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
  private final MessageDispatcher dispatcher;
  private final Clock clock;
  private final TraceContinuity traces;

  MessagePlanner(
      MessageStore store, MessageDispatcher dispatcher, Clock clock, TraceContinuity traces) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.traces = traces;
  }

  @Override
  public void onLatestChange(AppointmentEvent event) {
    Instant now = clock.instant();
    String eventId = event.eventId().toString();
    // First: a reminder for the old time must not survive a move or a cancellation. A booking
    // (sequence 1, the contract's minimum) has nothing earlier; skipping it spares a query that
    // scans every message on the embedded wire server.
    long superseded = event.sequence() > 1
        ? store.supersede(event.appointmentId(), event.sequence(), eventId, now)
        : 0;
    List<PlannedMessage> planned = MessagePlan.forEvent(event, now);
    int recorded = 0;
    List<DueMessage> dueNow = new ArrayList<>();
    if (!planned.isEmpty()) {
      String payload = AppointmentEventJson.write(event);
      for (PlannedMessage message : planned) {
        Message pending = Message.pending(message, payload, traces.currentTraceparent(), now);
        recorded += store.record(pending) ? 1 : 0;
        if (message.dueAt() == null) {
          dueNow.add(DueMessage.of(pending));
        }
      }
    }
    // Recorded before this returns, so a sender can claim them at once; also after a redelivery,
    // since the claim skips whatever went out already.
    dispatcher.recorded(dueNow);
    // Ids and counts only.
    log.debug("Event {} of appointment {}: {} messages planned, {} newly recorded, {} superseded",
        eventId, event.appointmentId(), planned.size(), recorded, superseded);
  }
}
