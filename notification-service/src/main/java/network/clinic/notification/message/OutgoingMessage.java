package network.clinic.notification.message;

import network.clinic.events.AppointmentEvent;

/**
 * A message handed to a channel for sending.
 *
 * @param messageId stable across attempts: channels pass it on (Message-ID, idempotency key) so
 *     the receiving side can recognise a repeat
 * @param event the change the message is about; personal data, never log it
 */
public record OutgoingMessage(String messageId, MessageKind kind, AppointmentEvent event) {}
