package network.clinic.notification.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For local use: "sends" by logging that an SMS would go out, with the number masked and the kind
 * of message only. The text is never logged: it is about a patient's appointment.
 */
class LoggingSmsChannel implements SmsChannel {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

  @Override
  public void send(TextMessage message) {
    log.info("SMS {} to {} ({} characters), reference {}",
        message.kind(), PhoneNumbers.mask(message.to()), message.text().length(),
        message.reference());
  }
}
