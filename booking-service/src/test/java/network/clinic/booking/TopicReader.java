package network.clinic.booking;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What reached the appointments topic since it was opened: a real consumer on every partition. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();
  private final List<TopicPartition> partitions;

  public TopicReader(String bootstrapServers) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "booking-test-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    partitions =
        consumer.partitionsFor(AppointmentTopics.APPOINTMENTS, Duration.ofSeconds(10)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Waits for {@code count} records with this key; returns them in the order they arrived. */
  public List<ConsumerRecord<String, String>> awaitForKey(String key, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      consumer.poll(Duration.ofMillis(100)).forEach(received::add);
      return forKey(key).size() >= count;
    });
    return forKey(key);
  }

  /** Reads until this reader has seen everything the broker holds right now. */
  public TopicReader catchUp() {
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      consumer.poll(Duration.ofMillis(100)).forEach(received::add);
      return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    });
    return this;
  }

  public List<ConsumerRecord<String, String>> forKey(String key) {
    return received.stream().filter(r -> key.equals(r.key())).toList();
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
