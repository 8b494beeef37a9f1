package network.clinic.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class OutageRetriesTests {

  private final ConsumerRecord<String, String> record = new ConsumerRecord<>("clinic.appointments.v1", 0, 0L, "apt-1", "{}");

  @Test
  void databaseOutageIsRetriedWithoutLimit() {
    var failure = new ListenerExecutionFailedException("listener failed", new DataAccessResourceFailureException("down"));

    BackOffExecution execution = OutageRetries.backOffFor(record, failure).start();

    for (int attempt = 0; attempt < 1_000; attempt++) {
      assertThat(execution.nextBackOff()).isEqualTo(OutageRetries.INTERVAL.toMillis());
    }
  }

  @Test
  void otherFailuresKeepTheBoundedDefault() {
    assertThat(OutageRetries.backOffFor(record, new IllegalStateException("bug"))).isNull();
  }
}
