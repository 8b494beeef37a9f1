package network.clinic.system;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/** Reads what a patient's mail client would: the text, the manage link and the calendar file. */
final class Mailbox {

  private static final Pattern MANAGE_LINK = Pattern.compile("/manage/(apt-[0-9a-f-]+)\\?token=([A-Za-z0-9_-]+)");

  private Mailbox() {}

  record ManageLink(String appointmentId, String token) {}

  static String text(Part part) {
    return firstPart(part, "text/plain").map(Mailbox::read).orElseThrow(() -> new AssertionError("no text/plain part"));
  }

  static ManageLink manageLink(Part part) {
    Matcher matcher = MANAGE_LINK.matcher(text(part));
    if (!matcher.find()) {
      throw new AssertionError("no manage link in the mail");
    }
    return new ManageLink(matcher.group(1), matcher.group(2));
  }

  static Calendar calendar(Part part) {
    Part ics = firstPart(part, "text/calendar").orElseThrow(() -> new AssertionError("no text/calendar part"));
    try (InputStream in = ics.getInputStream()) {
      return new CalendarBuilder().build(in);
    } catch (IOException | MessagingException | ParserException e) {
      throw new AssertionError("calendar file does not parse: " + e.getMessage(), e);
    }
  }

  private static Optional<Part> firstPart(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return Optional.of(part);
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          Optional<Part> found = firstPart(child, type);
          if (found.isPresent()) {
            return found;
          }
        }
      }
      return Optional.empty();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(Part part) {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
