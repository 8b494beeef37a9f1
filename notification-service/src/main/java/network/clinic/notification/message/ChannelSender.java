package network.clinic.notification.message;

/** Sends messages of one channel: renders them and hands them to the provider. */
public interface ChannelSender {

  Channel channel();

  /**
   * Returns once the provider (SMTP server, SMS gateway) has accepted the message.
   *
   * @throws DeliveryException if it was not accepted; any other exception counts as a failure
   *     that may pass
   */
  void send(OutgoingMessage message);
}
