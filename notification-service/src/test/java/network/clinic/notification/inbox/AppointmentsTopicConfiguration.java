package network.clinic.notification.inbox;

import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * booking-service owns the appointments topic; tests declare it as production has it, with three
 * partitions, whichever broker they run on (a broker's auto-created topics may have just one).
 */
@TestConfiguration(proxyBeanMethods = false)
class AppointmentsTopicConfiguration {

  @Bean
  NewTopic appointmentsTopic() {
    return TopicBuilder.name(AppointmentTopics.APPOINTMENTS).partitions(3).build();
  }
}
