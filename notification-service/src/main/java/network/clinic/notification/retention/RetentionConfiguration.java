package network.clinic.notification.retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfiguration {

  @Bean
  SchedulingConfigurer retentionSchedule(RetentionJob job, RetentionProperties properties) {
    return registrar -> registrar.addFixedDelayTask(job::runScheduled, properties.interval());
  }
}
