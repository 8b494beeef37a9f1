package network.clinic.booking;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another running booking-service, as a second deployment would be: its own Spring context, web
 * server (random port), relay and producer, on the given database and broker, with the tests'
 * clock and staff secret.
 */
public final class BookingInstance implements AutoCloseable {

  /** Short producer timeouts, so sends to an unreachable broker fail in about a second. */
  public static final List<String> FAST_RELAY = List.of(
      "--clinic.outbox.poll-interval=50ms",
      "--clinic.outbox.retry-backoff=300ms",
      "--clinic.outbox.send-timeout=3s",
      "--clinic.outbox.producer.max-block=1s",
      "--clinic.outbox.producer.request-timeout=1s",
      "--clinic.outbox.producer.delivery-timeout=2s");

  private final ConfigurableApplicationContext context;

  private BookingInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static BookingInstance start(String mongoUri, String kafkaBootstrapServers, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.mongodb.uri=" + mongoUri,
        "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--spring.jmx.enabled=false",
        "--clinic.security.jwt.secret=" + StaffTokens.SECRET,
        "--clinic.booking.manage-link-base-url=" + BookingIntegrationTest.MANAGE_BASE,
        "--clinic.booking.rate-limit.capacity=5",
        "--clinic.booking.rate-limit.period=1h"));
    // A relay setting given by the caller replaces the fast one: a repeated argument would make
    // the property a list.
    FAST_RELAY.stream()
        .filter(fast -> Arrays.stream(extraArgs).noneMatch(extra -> key(extra).equals(key(fast))))
        .forEach(args::add);
    args.addAll(List.of(extraArgs));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(network.clinic.booking.BookingApplication.class, TestClock.Configuration.class)
            .run(args.toArray(String[]::new));
    return new BookingInstance(context);
  }

  private static String key(String argument) {
    int equals = argument.indexOf('=');
    return equals < 0 ? argument : argument.substring(0, equals);
  }

  public Api api() {
    return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
  }

  public long publishFailures() {
    Timer timer = context.getBean(MeterRegistry.class).find("booking.outbox.publish").tag("outcome", "failure").timer();
    return timer == null ? 0 : timer.count();
  }

  @Override
  public void close() {
    context.close();
  }
}
