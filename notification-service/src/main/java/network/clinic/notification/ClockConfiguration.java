package network.clinic.notification;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The one source of "now", so features stay testable and agree with each other on time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  @Profile("!" + ShiftableClock.PROFILE)
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @Profile(ShiftableClock.PROFILE)
  ShiftableClock shiftableClock() {
    return new ShiftableClock(Clock.systemUTC());
  }
}
