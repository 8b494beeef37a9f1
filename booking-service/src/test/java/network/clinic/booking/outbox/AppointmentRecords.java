package network.clinic.booking.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import network.clinic.events.AppointmentTopics;

/**
 * Reads what actually reached the broker on the appointments topic, from the moment it was
 * opened: a real consumer with its own group, assigned all partitions.
 */
final class AppointmentRecords implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> partitions;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  AppointmentRecords(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    partitions = consumer.partitionsFor(AppointmentTopics.APPOINTMENTS, Duration.ofSeconds(10)).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // seekToEnd is lazy: resolve the positions now, before the test produces anything.
    partitions.forEach(consumer::position);
  }

  /** Reads until this consumer has seen everything the broker holds right now. */
  AppointmentRecords catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      poll();
      return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    });
    return this;
  }

  /** Waits until {@code count} records with this key arrived; returns them in arrival order. */
  List<ConsumerRecord<String, String>> awaitForKey(String key, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      poll();
      return forKey(key).size() >= count;
    });
    return forKey(key);
  }

  /** Waits until at least {@code count} records with any of these keys arrived. */
  void awaitForKeys(Collection<String> keys, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      poll();
      return received.stream().filter(r -> keys.contains(r.key())).count() >= count;
    });
  }

  List<ConsumerRecord<String, String>> forKey(String key) {
    return received.stream().filter(r -> key.equals(r.key())).toList();
  }

  List<ConsumerRecord<String, String>> forKeys(Collection<String> keys) {
    return received.stream().filter(r -> keys.contains(r.key())).toList();
  }

  private void poll() {
    consumer.poll(Duration.ofMillis(100)).forEach(received::add);
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
