package network.clinic.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The parts of a received mail, as a mail client would find them. */
public record MailParts(
    String subject,
    String text,
    String html,
    String calendar,
    String calendarContentType,
    List<String> attachmentNames) {

  public static MailParts of(MimeMessage message) {
    try {
      Collector collector = new Collector();
      collector.walk(message);
      return new MailParts(message.getSubject(), collector.text, collector.html,
          collector.calendar, collector.calendarType, collector.attachments);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Unreadable mail", e);
    }
  }

  private static final class Collector {

    String text;
    String html;
    String calendar;
    String calendarType;
    final List<String> attachments = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
        return;
      }
      if (part.getFileName() != null) {
        attachments.add(part.getFileName());
      }
      if (part.isMimeType("text/calendar")) {
        calendar = read(part);
        calendarType = part.getContentType();
      } else if (part.isMimeType("text/plain")) {
        text = read(part);
      } else if (part.isMimeType("text/html")) {
        html = read(part);
      }
    }

    private static String read(Part part) throws MessagingException, IOException {
      Object content = part.getContent();
      if (content instanceof String string) {
        return string;
      }
      try (InputStream in = part.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
