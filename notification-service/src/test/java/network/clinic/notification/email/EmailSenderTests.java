package network.clinic.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.Map;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

class EmailSenderTests {

  @Test
  void aRecipientTheServerRejectsIsRejectedForGood() throws Exception {
    SendFailedException rejected = new SendFailedException("550 no such user", null,
        null, null, new InternetAddress[] {new InternetAddress("gone@example.com")});

    assertThat(EmailSender.rejectedForGood(
        new MailSendException(Map.of(new Object(), rejected)))).isTrue();
  }

  @Test
  void anUnreachableServerOrBadCredentialsMayPass() {
    MailConnectException refused = new MailConnectException(
        new SocketConnectException("refused", new IOException(), "localhost", 2525, 1000));

    assertThat(EmailSender.rejectedForGood(new MailSendException("down", refused))).isFalse();
    assertThat(EmailSender.rejectedForGood(new MailAuthenticationException("535"))).isFalse();
  }

  @Test
  void aMessageThatCannotBeParsedIsRejectedForGood() {
    assertThat(EmailSender.rejectedForGood(new MailParseException("bad address"))).isTrue();
  }
}
