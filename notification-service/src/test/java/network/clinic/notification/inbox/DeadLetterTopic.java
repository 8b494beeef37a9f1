package network.clinic.notification.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import network.clinic.events.AppointmentTopics;
import network.clinic.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead-letter topic with a plain consumer, as an operator's tool would: every partition
 * from the beginning, no group. Other test contexts on the same broker dead-letter too, so lookups
 * name the consumer group that gave the record up.
 */
final class DeadLetterTopic implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  DeadLetterTopic(String bootstrapServers) {
    consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new StringDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer
        .partitionsFor(AppointmentTopics.APPOINTMENTS_DEAD_LETTER, Duration.ofSeconds(10)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** The dead letter of the event with this ce_id given up by this group, once it has arrived. */
  Optional<ConsumerRecord<String, byte[]>> find(String ceId, String groupId) {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return seen.stream()
        .filter(record -> ceId.equals(text(record, CloudEventHeaders.ID)))
        .filter(record -> groupId.equals(text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
        .findFirst();
  }

  /** All dead letters of this ce_id seen so far, from any group. */
  List<ConsumerRecord<String, byte[]>> all(String ceId) {
    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    return seen.stream().filter(record -> ceId.equals(text(record, CloudEventHeaders.ID))).toList();
  }

  static String text(ConsumerRecord<?, ?> record, String header) {
    Header last = record.headers().lastHeader(header);
    return last == null ? null : new String(last.value(), StandardCharsets.UTF_8);
  }

  /** Which delivery of the record failed for the last time: 1 means it was never retried. */
  static int deliveryAttempt(ConsumerRecord<?, ?> record) {
    Header attempt = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
    return attempt == null ? 0 : ByteBuffer.wrap(attempt.value()).getInt();
  }

  static int originalPartition(ConsumerRecord<?, ?> record) {
    return ByteBuffer.wrap(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value())
        .getInt();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
