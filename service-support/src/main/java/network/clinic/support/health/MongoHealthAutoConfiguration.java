package network.clinic.support.health;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the {@code mongo} health contributor in place of Spring Boot's (see the indicator). */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnBean(MongoClient.class)
public class MongoHealthAutoConfiguration {

  // This bean name makes Spring Boot's own Mongo health auto-configuration back off.
  @Bean(name = "mongoHealthIndicator")
  MongoPingHealthIndicator mongoHealthIndicator(MongoClient mongoClient) {
    return new MongoPingHealthIndicator(mongoClient);
  }
}
