package network.clinic.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

class MongoOutagesTests {

  @Test
  void unreachableDatabaseAnywhereInTheCauseChainIsAnOutage() {
    assertThat(MongoOutages.isOutage(new DataAccessResourceFailureException("down"))).isTrue();
    assertThat(MongoOutages.isOutage(new IllegalStateException("wrapped", new MongoTimeoutException("timed out")))).isTrue();
  }

  @Test
  void dataProblemsAreNotOutages() {
    assertThat(MongoOutages.isOutage(new DuplicateKeyException("taken"))).isFalse();
    assertThat(MongoOutages.isOutage(new IllegalArgumentException("bad"))).isFalse();
  }
}
