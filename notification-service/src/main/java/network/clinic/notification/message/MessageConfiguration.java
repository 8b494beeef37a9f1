package network.clinic.notification.message;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MessageConfiguration {

  /**
   * For the dispatcher's claim, the backlog gauges, the staff API and retention. Plain indexes:
   * correctness rests on the unique {@code _id} alone, so a late index only costs speed.
   */
  @Bean
  ApplicationRunner messageIndexes(MongoOperations mongo) {
    return args -> {
      MongoCollection<Document> messages = mongo.getCollection(Message.COLLECTION);
      messages.createIndex(compoundIndex(
          ascending(Message.STATUS), ascending(Message.NEXT_ATTEMPT_AT)));
      messages.createIndex(compoundIndex(ascending(Message.STATUS), ascending(Message.DUE_AT)));
      messages.createIndex(compoundIndex(
          ascending(Message.STATUS), ascending(Message.UPDATED_AT)));
      messages.createIndex(ascending(Message.APPOINTMENT_ID));
    };
  }

  @Bean
  SchedulingConfigurer messageMetricsSchedule(
      MessageMetrics metrics, DispatchProperties properties) {
    return registrar -> registrar.addFixedDelayTask(metrics::refresh, properties.metricsRefresh());
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "clinic.notification.dispatch.enabled", matchIfMissing = true)
  SchedulingConfigurer messageDispatchSchedule(
      MessageDispatcher dispatcher, DispatchProperties properties) {
    return registrar -> registrar.addFixedDelayTask(dispatcher::runPass, properties.pollInterval());
  }
}
