package network.clinic.notification.inbox;

import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the appointments topic. Failures are left to the one error handler in
 * {@link EventConsumerConfiguration}: poison goes to the dead-letter topic at once, a MongoDB
 * outage is retried until the database is back, anything else a few times before it is
 * dead-lettered too. Logs ids only: bodies carry personal data.
 */
@Component
class AppointmentEventListener {

  /** Listener id, for finding the container in the registry; the group id is configured. */
  static final String ID = "appointment-events";

  private static final Logger log = LoggerFactory.getLogger(AppointmentEventListener.class);

  private final EventInbox inbox;
  private final InboxMetrics metrics;

  AppointmentEventListener(EventInbox inbox, InboxMetrics metrics) {
    this.inbox = inbox;
    this.metrics = metrics;
  }

  // idIsGroup = false: the group comes from clinic.notification.events.group-id, not from the id.
  @KafkaListener(id = ID, idIsGroup = false, topics = AppointmentTopics.APPOINTMENTS)
  void onAppointmentEvent(ConsumerRecord<String, String> record) {
    AppointmentEvent event = EventRecords.read(record);
    Reception reception = inbox.receive(event);
    metrics.received(reception);
    log.debug("Appointment event {} ({}, sequence {}) of appointment {}: {}",
        event.eventId(), event.type(), event.sequence(), event.appointmentId(),
        reception.outcome());
  }
}
