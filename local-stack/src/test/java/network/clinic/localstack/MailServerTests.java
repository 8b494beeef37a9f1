package network.clinic.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stack's SMTP server accepts mail and its viewer shows it, escaped. */
class MailServerTests {

  private final int smtpPort = LauncherProcess.freePort();
  private final int viewerPort = LauncherProcess.freePort();
  private final MailServer mail = new MailServer(smtpPort, viewerPort);

  @BeforeEach
  void start() {
    mail.start();
  }

  @AfterEach
  void stop() {
    mail.close();
  }

  @Test
  void sentMailIsListedAndReadableWithItsContentEscaped() throws Exception {
    send("patient@example.org", "Your visit <script>alert(1)</script>", "See you on Tuesday at 09:30.");

    HttpResponse<String> list = get("/");
    HttpResponse<String> message = get("/messages/0");
    HttpResponse<String> raw = get("/messages/0.eml");

    assertThat(mail.receivedCount()).isEqualTo(1);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("patient@example.org").contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(message.body()).contains("See you on Tuesday at 09:30.");
    assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("message/rfc822"));
    assertThat(raw.body()).contains("Subject:");
  }

  @Test
  void unknownMessageIsNotFound() throws Exception {
    assertThat(get("/messages/7").statusCode()).isEqualTo(404);
    assertThat(get("/messages/x.eml").statusCode()).isEqualTo(404);
  }

  private void send(String to, String subject, String text) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("clinic@example.com"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject);
    message.setText(text);
    Transport.send(message);
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + viewerPort + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
