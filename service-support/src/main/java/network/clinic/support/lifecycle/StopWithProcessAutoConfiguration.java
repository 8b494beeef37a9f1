package network.clinic.support.lifecycle;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Stops the service when the process named by {@code clinic.lifecycle.stop-with-process} exits.
 * The local stack passes its own pid: a launcher killed outright (SIGKILL runs no shutdown
 * hook) would otherwise leave the service JVMs running and holding their ports. The stop is an
 * ordinary {@code System.exit}, so Spring's shutdown hook still shuts down gracefully.
 */
@AutoConfiguration
@EnableConfigurationProperties(StopWithProcessAutoConfiguration.LifecycleProperties.class)
public class StopWithProcessAutoConfiguration {

  @Bean
  @ConditionalOnExpression("'${clinic.lifecycle.stop-with-process:}' != ''")
  StopWithProcess stopWithProcess(LifecycleProperties properties) {
    return StopWithProcess.watch(properties.stopWithProcess(), () -> System.exit(0));
  }

  /** {@code clinic.lifecycle.*}; see service-defaults.yml. */
  @ConfigurationProperties("clinic.lifecycle")
  public record LifecycleProperties(Long stopWithProcess) {}
}
