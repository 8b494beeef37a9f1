package network.clinic.notification.sms;

import network.clinic.notification.message.MessageKind;

/**
 * One SMS.
 *
 * @param reference stable across attempts, for the provider to recognise a repeat
 * @param to E.164 phone number; personal data
 * @param text the message; personal data
 */
public record TextMessage(String reference, String to, String text, MessageKind kind) {

  @Override
  public String toString() {
    // Records print every component: keep the number and text out of any accidental log line.
    return "TextMessage[reference=" + reference + ", to=" + PhoneNumbers.mask(to)
        + ", kind=" + kind + "]";
  }
}
