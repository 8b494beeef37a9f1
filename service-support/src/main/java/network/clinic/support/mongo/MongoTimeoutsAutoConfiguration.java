package network.clinic.support.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Bounds how long a request waits for MongoDB. The driver's defaults (30 s to select a server,
 * no read timeout) would hold requests and threads when the database is down; with these a
 * request fails fast and is answered 503, and readiness reports DOWN.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(MongoTimeoutsAutoConfiguration.MongoTimeouts.class)
public class MongoTimeoutsAutoConfiguration {

  @Bean
  MongoClientSettingsBuilderCustomizer boundedMongoTimeouts(MongoTimeouts timeouts) {
    return settings ->
        settings
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket ->
                    socket
                        .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS));
  }

  /** {@code clinic.mongodb.timeouts.*}; see service-defaults.yml. */
  @ConfigurationProperties("clinic.mongodb.timeouts")
  public record MongoTimeouts(Duration serverSelection, Duration connect, Duration read) {

    public MongoTimeouts {
      serverSelection = serverSelection == null ? Duration.ofMillis(1500) : serverSelection;
      connect = connect == null ? Duration.ofSeconds(2) : connect;
      read = read == null ? Duration.ofSeconds(10) : read;
    }
  }
}
