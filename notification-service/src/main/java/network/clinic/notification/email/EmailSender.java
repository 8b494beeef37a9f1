package network.clinic.notification.email;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import network.clinic.events.AppointmentEvent;
import network.clinic.notification.content.CalendarInvites;
import network.clinic.notification.content.EmailContent;
import network.clinic.notification.content.MessageTemplates;
import network.clinic.notification.message.Channel;
import network.clinic.notification.message.ChannelSender;
import network.clinic.notification.message.DeliveryException;
import network.clinic.notification.message.MessageKind;
import network.clinic.notification.message.OutgoingMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends patient emails over SMTP ({@code spring.mail.*}): plain-text and HTML parts from the
 * templates, and the calendar file for a confirmation, change or cancellation. Returns once the
 * SMTP server has accepted the message.
 */
@Component
class EmailSender implements ChannelSender {

  static final String CALENDAR_FILE = "appointment.ics";

  // Only for building messages (MIME defaults); JavaMailSender sends them with its own session.
  private static final Session MIME_SESSION = Session.getInstance(new Properties());

  private final JavaMailSender mailSender;
  private final MessageTemplates templates;
  private final CalendarInvites invites;
  private final MailProperties properties;
  private final Clock clock;

  EmailSender(
      JavaMailSender mailSender,
      MessageTemplates templates,
      CalendarInvites invites,
      MailProperties properties,
      Clock clock) {
    this.mailSender = mailSender;
    this.templates = templates;
    this.invites = invites;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(OutgoingMessage message) {
    MimeMessage mime = prepare(message);
    try {
      mailSender.send(mime);
    } catch (MailException e) {
      throw new DeliveryException("SMTP did not accept the message", rejectedForGood(e), e);
    }
  }

  MimeMessage prepare(OutgoingMessage message) {
    AppointmentEvent event = message.event();
    Instant now = clock.instant();
    try {
      EmailContent content = templates.email(message.kind(), event);
      MimeMessage mime = new StableIdMimeMessage(MIME_SESSION, messageIdHeader(message));
      MimeMessageHelper helper = new SharedTypesHelper(mime);
      helper.setFrom(properties.from(), event.clinic().name());
      helper.setTo(new InternetAddress(
          event.patient().email(), event.patient().name(), StandardCharsets.UTF_8.name()));
      helper.setSubject(content.subject());
      helper.setSentDate(Date.from(now));
      helper.setText(content.text(), content.html());
      String calendar = calendar(message.kind(), event, now);
      if (calendar != null) {
        String method = message.kind() == MessageKind.CANCELLATION ? "CANCEL" : "REQUEST";
        helper.addAttachment(
            CALENDAR_FILE,
            new ByteArrayResource(calendar.getBytes(StandardCharsets.UTF_8)),
            "text/calendar; charset=UTF-8; method=" + method);
      }
      return mime;
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      // Retrying cannot fix the content: give the message up at once.
      throw new DeliveryException("Email could not be built", true, e);
    }
  }

  private String calendar(MessageKind kind, AppointmentEvent event, Instant now) {
    return switch (kind) {
      case CONFIRMATION, CHANGE -> invites.request(event, now, properties.from());
      case CANCELLATION -> invites.cancel(event, now, properties.from());
      case REMINDER, NO_SHOW_FOLLOW_UP -> null;
    };
  }

  /** The same on every attempt, so a mailbox can tell a repeat from a new message. */
  String messageIdHeader(OutgoingMessage message) {
    String local = message.messageId().toLowerCase(Locale.ROOT).replace('|', '.');
    return "<" + local + "@" + properties.messageIdDomain() + ">";
  }

  /**
   * Rejected for good: the message could not be parsed or prepared, or the server refused the
   * recipient itself (a 5xx reply to RCPT). Everything else (connection refused, timeouts, 4xx)
   * may pass.
   */
  static boolean rejectedForGood(MailException e) {
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return true;
    }
    if (e instanceof MailSendException send) {
      for (Exception cause : send.getMessageExceptions()) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
          if (t instanceof SendFailedException failed
              && failed.getInvalidAddresses() != null
              && failed.getInvalidAddresses().length > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The stock helper reads the MIME type tables from the class path for every message it builds
   * (unless the message came from the sender itself): about a sixth of a send's CPU time. Every
   * part here names its type, so one shared table does.
   */
  private static final class SharedTypesHelper extends MimeMessageHelper {

    private static final FileTypeMap TYPES = loadTypes();

    SharedTypesHelper(MimeMessage mime) throws MessagingException {
      super(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
      return TYPES;
    }

    private static FileTypeMap loadTypes() {
      ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
      types.afterPropertiesSet();
      return types;
    }
  }

  /** Keeps the Message-ID it was given instead of making a new one when saved. */
  private static final class StableIdMimeMessage extends MimeMessage {

    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
