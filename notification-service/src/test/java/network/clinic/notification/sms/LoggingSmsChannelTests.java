package network.clinic.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import network.clinic.notification.message.MessageKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoggingSmsChannelTests {

  @Test
  void logsTheKindAndAMaskedNumberButNeverTheTextOrTheNumber(CapturedOutput output) {
    TextMessage sms = new TextMessage("event-1|SMS|REMINDER", "+447700900123",
        "Reminder from Larkspur: acupuncture with Mei on Tue 16 Jun", MessageKind.REMINDER);

    new LoggingSmsChannel().send(sms);

    assertThat(output.getOut())
        .contains("SMS REMINDER to +44********23")
        .contains("event-1|SMS|REMINDER")
        .doesNotContain("+447700900123")
        .doesNotContain("Larkspur");
  }

  @Test
  void aTextMessagePrintsWithoutNumberOrText() {
    TextMessage sms = new TextMessage("ref", "+447700900123", "secret text", MessageKind.CHANGE);

    assertThat(sms.toString()).doesNotContain("+447700900123").doesNotContain("secret");
  }

  @Test
  void shortOrMissingNumbersAreMaskedEntirely() {
    assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
    assertThat(PhoneNumbers.mask("+4412")).isEqualTo("***");
  }
}
