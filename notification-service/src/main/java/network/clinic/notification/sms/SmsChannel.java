package network.clinic.notification.sms;

/**
 * A way to get a text message to a phone: a gateway, or a log line when running locally. Chosen
 * with {@code clinic.notification.sms.provider}. Implementations return once the provider has
 * accepted the message and throw otherwise.
 */
public interface SmsChannel {

  void send(TextMessage message);
}
