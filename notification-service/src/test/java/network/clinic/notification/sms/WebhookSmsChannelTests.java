package network.clinic.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import network.clinic.notification.SmsGateway;
import network.clinic.notification.message.DeliveryException;
import network.clinic.notification.message.MessageKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.RestClient;

/** The webhook provider against a real local HTTP server. */
class WebhookSmsChannelTests {

  private static final SmsGateway gateway = SmsGateway.start();

  private final WebhookSmsChannel channel =
      new WebhookSmsChannel(RestClient.builder().baseUrl(gateway.url()).build());

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void postsNumberTextAndReferenceAsJsonWithTheReferenceAsIdempotencyKey() {
    gateway.answer(202);

    channel.send(new TextMessage("ev-1|SMS|CONFIRMATION", "+447700900001", "Confirmed",
        MessageKind.CONFIRMATION));

    SmsGateway.Received received = gateway.withKey("ev-1|SMS|CONFIRMATION").getFirst();
    assertThat(received.to()).isEqualTo("+447700900001");
    assertThat(received.text()).isEqualTo("Confirmed");
    assertThat(received.body().get("reference").asString()).isEqualTo("ev-1|SMS|CONFIRMATION");
    assertThat(received.contentType()).startsWith("application/json");
  }

  @ParameterizedTest
  @CsvSource({"400, true", "404, true", "408, false", "429, false", "500, false", "503, false"})
  void aRefusalIsPermanentOnlyWhenRetryingCannotHelp(int status, boolean permanent) {
    gateway.answer(status);

    assertThatThrownBy(() -> channel.send(
        new TextMessage("ref-" + status, "+447700900002", "text", MessageKind.REMINDER)))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.permanent()).isEqualTo(permanent);
          assertThat(e.getMessage()).isEqualTo("SMS gateway answered " + status)
              .doesNotContain("+447700900002");
        });
  }

  @Test
  void anUnreachableGatewayIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WebhookSmsChannel unreachable = new WebhookSmsChannel(
        RestClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/sms").build());

    assertThatThrownBy(() -> unreachable.send(
        new TextMessage("ref", "+447700900003", "text", MessageKind.REMINDER)))
        .isInstanceOfSatisfying(DeliveryException.class,
            e -> assertThat(e.permanent()).isFalse());
  }
}
