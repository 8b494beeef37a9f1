package network.clinic.notification.sms;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  @Bean
  SmsChannel smsChannel(SmsProperties properties, RestClient.Builder restClients) {
    return switch (properties.provider()) {
      case LOGGING -> new LoggingSmsChannel();
      case WEBHOOK -> new WebhookSmsChannel(restClients
          .baseUrl(properties.webhookUrl())
          .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(
              HttpClientSettings.defaults()
                  .withConnectTimeout(properties.connectTimeout())
                  .withReadTimeout(properties.readTimeout())))
          .build());
    };
  }
}
