package network.clinic.localstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * GreenMail as the stack's SMTP server, plus a small page that lists what was sent, so a person
 * can read the confirmations without a mail client. Mail is kept in memory only.
 */
public final class MailServer implements AutoCloseable {

  private final int smtpPort;
  private final int viewerPort;
  // Mail received before an SMTP restart: a new GreenMail starts empty, the viewer should not.
  private final List<MimeMessage> earlier = new CopyOnWriteArrayList<>();
  private GreenMail greenMail;
  private HttpServer viewer;

  MailServer(int smtpPort, int viewerPort) {
    this.smtpPort = smtpPort;
    this.viewerPort = viewerPort;
  }

  void start() {
    try {
      startSmtp();
      viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
      viewer.createContext("/", this::handle);
      viewer.start();
    } catch (IOException | RuntimeException e) {
      throw new StackStartException("SMTP server or mail viewer did not start: " + e.getMessage(), e);
    }
  }

  /** Starts (or restarts) accepting mail on the SMTP port. */
  public synchronized void startSmtp() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  /** Stops accepting mail, as an SMTP outage would; what was received stays readable. */
  public synchronized void stopSmtp() {
    if (greenMail != null) {
      earlier.addAll(List.of(greenMail.getReceivedMessages()));
      greenMail.stop();
      greenMail = null;
    }
  }

  /** Every message received so far, oldest first, across SMTP restarts. */
  public synchronized List<MimeMessage> receivedMessages() {
    List<MimeMessage> all = new ArrayList<>(earlier);
    if (greenMail != null) {
      all.addAll(List.of(greenMail.getReceivedMessages()));
    }
    return all;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      MimeMessage[] messages = receivedMessages().toArray(MimeMessage[]::new);
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/") || path.isEmpty()) {
        respond(exchange, 200, "text/html", MailViewerPages.list(messages).getBytes(StandardCharsets.UTF_8));
        return;
      }
      int index = messageIndex(path, messages.length);
      if (index < 0) {
        respond(exchange, 404, "text/plain", "No such message".getBytes(StandardCharsets.UTF_8));
      } else if (path.endsWith(".eml")) {
        respond(exchange, 200, "message/rfc822", raw(messages[index]));
      } else {
        respond(exchange, 200, "text/html", MailViewerPages.message(index, messages[index]).getBytes(StandardCharsets.UTF_8));
      }
    } catch (MessagingException e) {
      respond(exchange, 500, "text/plain", ("Cannot read message: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
    }
  }

  // Paths are /messages/{n} and /messages/{n}.eml
  private static int messageIndex(String path, int count) {
    String prefix = "/messages/";
    if (!path.startsWith(prefix)) {
      return -1;
    }
    String number = path.substring(prefix.length()).replaceFirst("\\.eml$", "");
    try {
      int index = Integer.parseInt(number);
      return index >= 0 && index < count ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] raw(MimeMessage message) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toByteArray();
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String recipients(MimeMessage message) throws MessagingException {
    Address[] to = message.getAllRecipients();
    return to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
  }

  public int receivedCount() {
    return receivedMessages().size();
  }

  @Override
  public void close() {
    if (viewer != null) {
      viewer.stop(0);
    }
    stopSmtp();
  }
}
