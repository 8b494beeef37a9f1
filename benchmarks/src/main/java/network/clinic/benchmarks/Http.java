package network.clinic.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Setup calls and single requests (not measured by wrk): JSON in, status and body out. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  record Response(int status, String body, HttpResponse<String> raw) {}

  Response send(String method, String url, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response require(String method, String url, Object body, Map<String, String> headers, int... expected) {
    Response response = send(method, url, body, headers);
    for (int status : expected) {
      if (response.status() == status) {
        return response;
      }
    }
    throw new IllegalStateException(method + " " + url + " answered " + response.status() + ": " + response.body());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String json) {
    return JSON.readValue(json, Map.class);
  }
}
