package network.clinic.booking.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code clinic.outbox.*}).
 *
 * @param enabled whether this instance runs the relay; every instance may, since documents are
 *     claimed in the database
 * @param pollInterval how often the relay searches for pending documents, however busy it is: a
 *     write of this instance that appends an event has it published at once by id, so this only
 *     bounds how soon the relay notices what no such signal announces (other instances'
 *     leftovers, retries after a failed send, expired leases)
 * @param lease how long a claimed document belongs to this instance; another instance may take
 *     it over after that (e.g. when this one died mid-publish)
 * @param retryBackoff how long a document whose publishing failed is left alone before any
 *     instance retries it
 * @param maxDocumentsPerPass bound on the documents one pass handles, so a backlog never keeps
 *     the relay from noticing it should stop; a pass that reaches it is followed at once by the next
 * @param sendTimeout how long to wait for the broker's ack of one record
 * @param metricsRefresh how often the pending-count and oldest-age gauges are re-read; well
 *     below the oldest-pending alert's two minutes, rare enough to cost little on a large
 *     collection
 * @param topicReplicas replication factor of the declared topic (3 partitions)
 */
@ConfigurationProperties("clinic.outbox")
record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("5s") Duration retryBackoff,
    @DefaultValue("100") int maxDocumentsPerPass,
    @DefaultValue("6s") Duration sendTimeout,
    @DefaultValue("30s") Duration metricsRefresh,
    @DefaultValue("1") short topicReplicas,
    @DefaultValue Producer producer) {

  OutboxProperties {
    // A lease shorter than one send would let another instance take the document while this
    // one still publishes it, and the relay would never start a send (see OutboxRelay).
    if (lease.compareTo(sendTimeout) <= 0) {
      throw new IllegalArgumentException("clinic.outbox.lease must be longer than send-timeout");
    }
    if (maxDocumentsPerPass < 1) {
      throw new IllegalArgumentException("clinic.outbox.max-documents-per-pass must be positive");
    }
  }

  /**
   * Producer timeouts: small, so an unreachable broker fails a send in seconds instead of
   * blocking the relay's thread for Kafka's default minute.
   *
   * @param maxBlock {@code max.block.ms}: waiting for metadata or buffer space in send()
   * @param requestTimeout {@code request.timeout.ms}: one request to the broker
   * @param deliveryTimeout {@code delivery.timeout.ms}: whole delivery incl. retries; Kafka
   *     requires it to be at least {@code request.timeout.ms + linger.ms}
   */
  record Producer(
      @DefaultValue("2s") Duration maxBlock,
      @DefaultValue("3s") Duration requestTimeout,
      @DefaultValue("5s") Duration deliveryTimeout) {

    Producer {
      if (deliveryTimeout.compareTo(requestTimeout) <= 0) {
        throw new IllegalArgumentException(
            "clinic.outbox.producer.delivery-timeout must exceed request-timeout");
      }
    }
  }
}
