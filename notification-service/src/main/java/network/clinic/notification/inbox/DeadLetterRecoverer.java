package network.clinic.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import network.clinic.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The error handler's last step: publish the record to the dead-letter topic, then count and log
 * it. Logs coordinates and ids, and the reason only where it is known to carry no event data.
 */
class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final List<Class<? extends Throwable>> notRetryable;
  private final InboxMetrics metrics;

  DeadLetterRecoverer(
      DeadLetterPublishingRecoverer publisher,
      List<Class<? extends Throwable>> notRetryable,
      InboxMetrics metrics) {
    this.publisher = publisher;
    this.notRetryable = List.copyOf(notRetryable);
    this.metrics = metrics;
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
    // Throws if the DLT does not acknowledge; the handler then retries the record, never drops it.
    publisher.accept(record, consumer, exception);
    boolean invalid = causedBy(exception, notRetryable);
    metrics.deadLettered(invalid);
    log.warn("Dead-lettered {}-{}@{} (ce_id {}, ce_type {}){}: {}",
        record.topic(), record.partition(), record.offset(),
        header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
        invalid ? "" : " after retries", reason(exception));
  }

  private static boolean causedBy(Throwable exception, List<Class<? extends Throwable>> types) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      Throwable current = cause;
      if (types.stream().anyMatch(type -> type.isInstance(current))) {
        return true;
      }
    }
    return false;
  }

  /** Our own messages are free of event data by design; anyone else's is named by class only. */
  private static String reason(Exception exception) {
    Throwable root = exception;
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof PoisonEventException) {
        return cause.getMessage();
      }
      root = cause;
    }
    return root.getClass().getName();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
  }
}
