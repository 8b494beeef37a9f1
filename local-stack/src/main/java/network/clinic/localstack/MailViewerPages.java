package network.clinic.localstack;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** The mail viewer's two pages. Everything shown is escaped: mail content is untrusted. */
final class MailViewerPages {

  private MailViewerPages() {}

  static String list(MimeMessage[] messages) throws MessagingException {
    StringBuilder rows = new StringBuilder();
    for (int i = messages.length - 1; i >= 0; i--) {
      MimeMessage m = messages[i];
      rows.append("<tr><td>")
          .append(escape(String.valueOf(m.getSentDate())))
          .append("</td><td>")
          .append(escape(MailServer.recipients(m)))
          .append("</td><td><a href=\"/messages/")
          .append(i)
          .append("\">")
          .append(escape(m.getSubject()))
          .append("</a></td></tr>\n");
    }
    return page(
        "Mail sent by the local stack (" + messages.length + ")",
        "<table><tr><th>Sent</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>");
  }

  static String message(int index, MimeMessage message) throws MessagingException, IOException {
    StringBuilder body = new StringBuilder();
    body.append("<p><a href=\"/\">All mail</a> · <a href=\"/messages/")
        .append(index)
        .append(".eml\">Raw message (.eml)</a></p>")
        .append("<p><b>To:</b> ")
        .append(escape(MailServer.recipients(message)))
        .append("<br><b>Subject:</b> ")
        .append(escape(message.getSubject()))
        .append("</p>");
    appendPart(message, body);
    return page(message.getSubject(), body.toString());
  }

  // Text parts are shown as text (HTML parts too, escaped, so nothing in a mail runs here);
  // attachments such as the calendar file are named and shown as text when they are text.
  private static void appendPart(Part part, StringBuilder out) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        appendPart(child, out);
      }
      return;
    }
    out.append("<h3>")
        .append(escape(part.getContentType()))
        .append(part.getFileName() == null ? "" : " — " + escape(part.getFileName()))
        .append("</h3>");
    if (content instanceof String text) {
      out.append("<pre>").append(escape(text)).append("</pre>");
    } else {
      out.append("<p>(binary part)</p>");
    }
  }

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 12px;text-align:left}"
        + "pre{white-space:pre-wrap;background:#f4f4f4;padding:1em}</style></head><body><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</body></html>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
