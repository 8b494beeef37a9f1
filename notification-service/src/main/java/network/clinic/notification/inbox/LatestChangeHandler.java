package network.clinic.notification.inbox;

import network.clinic.events.AppointmentEvent;

/**
 * Work to do for an appointment change that is new and the latest one of its appointment, e.g.
 * recording the messages it causes. Called by the inbox before it marks the event received, so a
 * crash in between makes Kafka redeliver the event and the handler runs again: it must be
 * idempotent, keyed by the event id. Never called for repeats or stale events.
 */
public interface LatestChangeHandler {

  void onLatestChange(AppointmentEvent event);
}
