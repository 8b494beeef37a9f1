package network.clinic.booking.outbox;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxPropertiesTests {

  private static final OutboxProperties.Producer PRODUCER =
      new OutboxProperties.Producer(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5));

  @Test
  void leaseMustOutlastOneSend() {
    assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(6), Duration.ofSeconds(6)));
    assertThatNoException().isThrownBy(() -> properties(Duration.ofSeconds(30), Duration.ofSeconds(6)));
  }

  @Test
  void deliveryTimeoutMustExceedRequestTimeoutAsKafkaRequires() {
    assertThatIllegalArgumentException().isThrownBy(() ->
        new OutboxProperties.Producer(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3)));
  }

  private static OutboxProperties properties(Duration lease, Duration sendTimeout) {
    return new OutboxProperties(true, Duration.ofMillis(200), lease, Duration.ofSeconds(5), 100,
        sendTimeout, Duration.ofSeconds(10), (short) 1, PRODUCER);
  }
}
