package network.clinic.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another running notification-service, as a second deployment would be: its own Spring context,
 * Kafka consumer, dispatcher (with its own owner id) and metrics, on the same database, broker,
 * consumer group and SMTP server as the scenario's context, and on the scenarios' clock.
 */
public final class SecondInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private SecondInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts with the scenario context's settings, then {@code extraArgs} (e.g. "--a=b"). */
  public static SecondInstance like(Environment scenario, Clock clock, String... extraArgs) {
    List<String> args = new ArrayList<>();
    for (String property : List.of(
        "spring.kafka.bootstrap-servers",
        "spring.mongodb.uri",
        "spring.mail.host",
        "spring.mail.port",
        "clinic.notification.events.group-id",
        "clinic.notification.sms.provider",
        "clinic.notification.sms.webhook-url",
        "clinic.notification.dispatch.poll-interval",
        "clinic.notification.dispatch.lease",
        "clinic.notification.dispatch.retry.max-attempts",
        "clinic.notification.dispatch.retry.initial-interval",
        "clinic.notification.dispatch.retry.max-interval",
        "clinic.security.jwt.secret")) {
      // Command-line arguments win over application.yml, as the environment would.
      args.add("--" + property + "=" + scenario.getRequiredProperty(property));
    }
    args.addAll(List.of(
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--spring.jmx.enabled=false",
        // Lets the scenarios' clock, registered before configuration classes are read, win.
        "--spring.main.allow-bean-definition-overriding=true"));
    args.addAll(Arrays.asList(extraArgs));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationApplication.class)
        .initializers(applicationContext -> ((GenericApplicationContext) applicationContext)
            .registerBean("clock", Clock.class, () -> clock))
        .run(args.toArray(String[]::new));
    return new SecondInstance(context);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
