package network.clinic.notification.inbox;

import java.time.Duration;
import network.clinic.support.mongo.MongoOutages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * While MongoDB is unreachable an event is not at fault: it is retried until the database
 * returns, holding its partition (so order per appointment is kept), instead of going to the
 * dead-letter topic after a few quick attempts and waiting there for an operator.
 */
final class OutageRetries {

  static final Duration INTERVAL = Duration.ofSeconds(2);

  private OutageRetries() {}

  /** The backoff for this failure, or null to use the handler's bounded default. */
  static BackOff backOffFor(ConsumerRecord<?, ?> record, Exception failure) {
    return MongoOutages.isOutage(failure) ? new FixedBackOff(INTERVAL.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS) : null;
  }
}
