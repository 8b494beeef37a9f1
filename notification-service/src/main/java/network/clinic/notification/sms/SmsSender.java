package network.clinic.notification.sms;

import network.clinic.notification.content.MessageTemplates;
import network.clinic.notification.message.Channel;
import network.clinic.notification.message.ChannelSender;
import network.clinic.notification.message.DeliveryException;
import network.clinic.notification.message.OutgoingMessage;
import org.springframework.stereotype.Component;

/** Renders the SMS text of a message and hands it to the configured {@link SmsChannel}. */
@Component
class SmsSender implements ChannelSender {

  private final MessageTemplates templates;
  private final SmsChannel channel;

  SmsSender(MessageTemplates templates, SmsChannel channel) {
    this.templates = templates;
    this.channel = channel;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void send(OutgoingMessage message) {
    String phone = message.event().patient().phone();
    if (phone == null || phone.isBlank()) {
      throw new DeliveryException("No phone number", true, null);
    }
    String text;
    try {
      text = templates.sms(message.kind(), message.event());
    } catch (RuntimeException e) {
      throw new DeliveryException("SMS text could not be built", true, e);
    }
    channel.send(new TextMessage(message.messageId(), phone, text, message.kind()));
  }
}
