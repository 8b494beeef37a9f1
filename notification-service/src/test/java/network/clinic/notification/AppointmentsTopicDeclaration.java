package network.clinic.notification;

import network.clinic.events.AppointmentTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * booking-service owns the appointments topic; scenarios declare it as production has it, with
 * three partitions, whichever broker they run on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AppointmentsTopicDeclaration {

  @Bean
  NewTopic scenarioAppointmentsTopic() {
    return TopicBuilder.name(AppointmentTopics.APPOINTMENTS).partitions(3).build();
  }
}
