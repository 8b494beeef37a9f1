package network.clinic.benchmarks;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Open-loop latency at a steady rate, recorded in HdrHistogram (wrk measures request/response
 * only; here the end of the measurement is a mail arriving, another process's doing). Requests
 * are sent on schedule whatever earlier ones do, so a slow system cannot slow the load down.
 */
final class EventLatency {

  private EventLatency() {}

  /**
   * Books {@code rate}/s for {@code duration}; latency = booking's 201 received → the mail to that
   * patient seen in the SMTP server (polled every 5 ms, so up to 5 ms of it is the poll).
   */
  static Measurement bookingToMail(int rate, Duration duration, LongFunction<Integer> book,
      Supplier<List<MimeMessage>> mail, LongFunction<String> emailOf) throws InterruptedException {
    Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    AtomicLong failed = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    long total = rate * duration.toSeconds();
    int alreadyReceived = mail.get().size();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
      clock.scheduleAtFixedRate(() -> {
        long n = sent.getAndIncrement();
        if (n >= total) {
          return;
        }
        requests.submit(() -> {
          int status = book.apply(n);
          if (status == 201) {
            acceptedAt.put(emailOf.apply(n), System.nanoTime());
          } else {
            failed.incrementAndGet();
          }
        });
      }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
      int seen = alreadyReceived;
      long deadline = System.nanoTime() + duration.plusSeconds(60).toNanos();
      long matched = 0;
      while (System.nanoTime() < deadline && (sent.get() < total || matched + failed.get() < total)) {
        List<MimeMessage> messages = mail.get();
        long now = System.nanoTime();
        for (int i = seen; i < messages.size(); i++) {
          Long accepted = recipient(messages.get(i)).map(acceptedAt::remove).orElse(null);
          if (accepted != null) {
            histogram.recordValue(Math.max(0, (now - accepted) / 1000));
            matched++;
          }
        }
        seen = messages.size();
        Thread.sleep(5);
      }
      clock.shutdownNow();
      long missing = total - matched - failed.get();
      return new Measurement("events", "booking accepted → mail in SMTP (" + rate + "/s)", 0, matched, rate,
          ms(histogram, 50), ms(histogram, 95), ms(histogram, 99), histogram.getMaxValue() / 1000.0, failed.get() + missing);
    } finally {
      clock.shutdownNow();
    }
  }

  private static java.util.Optional<String> recipient(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      return to == null || to.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(((InternetAddress) to[0]).getAddress());
    } catch (MessagingException e) {
      return java.util.Optional.empty();
    }
  }

  /** A plain producer and consumer on a scratch topic of the same broker: the floor under the above. */
  static Measurement rawKafka(String bootstrap, int rate, Duration duration) throws Exception {
    String topic = "bench.raw-latency";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Properties producerProps = new Properties();
    producerProps.put("bootstrap.servers", bootstrap);
    producerProps.put("acks", "all");
    producerProps.put("linger.ms", "0");
    Properties consumerProps = new Properties();
    consumerProps.put("bootstrap.servers", bootstrap);
    consumerProps.put("group.id", "bench-raw-latency");
    Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    long total = rate * duration.toSeconds();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToEnd(List.of(partition));
      consumer.position(partition);
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      AtomicLong sent = new AtomicLong();
      clock.scheduleAtFixedRate(() -> {
        if (sent.getAndIncrement() < total) {
          producer.send(new ProducerRecord<>(topic, String.valueOf(System.nanoTime())));
        }
      }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
      long received = 0;
      long deadline = System.nanoTime() + duration.plusSeconds(30).toNanos();
      while (received < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          histogram.recordValue(Math.max(0, (System.nanoTime() - Long.parseLong(record.value())) / 1000));
          received++;
        }
      }
      clock.shutdownNow();
      return new Measurement("events", "raw Kafka produce → consume (" + rate + "/s)", 0, received, rate,
          ms(histogram, 50), ms(histogram, 95), ms(histogram, 99), histogram.getMaxValue() / 1000.0, total - received);
    }
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
