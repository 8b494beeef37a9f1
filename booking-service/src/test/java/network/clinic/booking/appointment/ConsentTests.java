package network.clinic.booking.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Found by the system sweep: a consent without "sms" was refused although the API marks it optional. */
class ConsentTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aConsentLeftOutMeansNo() {
    AppointmentRequests.Consent emailOnly = json.readValue("{\"email\":true}", AppointmentRequests.Consent.class);
    AppointmentRequests.Consent none = json.readValue("{}", AppointmentRequests.Consent.class);

    assertThat(emailOnly.email()).isTrue();
    assertThat(emailOnly.sms()).isFalse();
    assertThat(none.email()).isFalse();
    assertThat(none.sms()).isFalse();
  }
}
