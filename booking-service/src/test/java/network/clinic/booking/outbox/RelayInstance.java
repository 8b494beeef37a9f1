package network.clinic.booking.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import network.clinic.booking.BookingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Another running booking-service, as a second deployment would be: its own Spring context,
 * relay (scheduled, with its own owner id), producer and metrics, on the given database and
 * broker.
 */
final class RelayInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RelayInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static RelayInstance start(String mongoUri, String kafkaBootstrapServers, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        // Command-line arguments: they win over application.yml, like the environment would.
        "--spring.mongodb.uri=" + mongoUri,
        "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
        // A whole instance, web server included (on a free port): service-support's staff
        // security needs a servlet web application.
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--spring.jmx.enabled=false"));
    args.addAll(OutboxRelayScenarios.FAST_RELAY);
    args.add("--clinic.outbox.enabled=true");
    args.addAll(List.of(extraArgs));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(BookingApplication.class)
        .run(args.toArray(String[]::new));
    return new RelayInstance(context);
  }

  OutboxRelay relay() {
    return context.getBean(OutboxRelay.class);
  }

  long publishFailures() {
    Timer timer = meters().find("booking.outbox.publish").tag("outcome", "failure").timer();
    return timer == null ? 0 : timer.count();
  }

  double eventsPublished() {
    return meters().find("booking.outbox.events.published").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** What Prometheus would scrape from this instance. */
  String scrape() {
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    return RestClient.create("http://127.0.0.1:" + port)
        .get()
        .uri("/actuator/prometheus")
        .retrieve()
        .body(String.class);
  }

  private MeterRegistry meters() {
    return context.getBean(MeterRegistry.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
