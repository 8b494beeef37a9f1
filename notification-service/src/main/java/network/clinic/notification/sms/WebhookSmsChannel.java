package network.clinic.notification.sms;

import java.util.Map;
import network.clinic.notification.message.DeliveryException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Hands each SMS to an HTTP gateway: {@code POST} of {@code {"reference", "to", "text"}} as JSON
 * to the configured URL, with the reference also as {@code Idempotency-Key} header so the gateway
 * can drop a repeat. Any 2xx is acceptance. 4xx other than 408 and 429 mean the gateway will
 * never take it (a bad number): not retried. Connection problems, 408, 429 and 5xx are retried.
 */
class WebhookSmsChannel implements SmsChannel {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RestClient http;

  WebhookSmsChannel(RestClient http) {
    this.http = http;
  }

  @Override
  public void send(TextMessage message) {
    try {
      http.post()
          .contentType(MediaType.APPLICATION_JSON)
          .header(IDEMPOTENCY_KEY, message.reference())
          .body(Map.of(
              "reference", message.reference(),
              "to", message.to(),
              "text", message.text()))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientResponseException e) {
      // The status only: the gateway's body may quote the number.
      HttpStatusCode status = e.getStatusCode();
      boolean permanent = status.is4xxClientError()
          && status.value() != 408 && status.value() != 429;
      throw new DeliveryException("SMS gateway answered " + status.value(), permanent, null);
    } catch (ResourceAccessException e) {
      throw new DeliveryException("SMS gateway unreachable", false, e);
    }
  }
}
