package network.clinic.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the services' public surfaces; every request has a bounded wait. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  private Http() {}

  record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers, String request) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    String problemType() {
      return isProblem() ? json().path("type").asString() : "";
    }

    @Override
    public String toString() {
      // Bodies may hold patient data: status and type only.
      return status + " " + contentType + " " + (isProblem() ? problemType() : "") + " to " + request;
    }
  }

  static Response get(String uri, String... headers) {
    return send(request(uri, headers).GET());
  }

  static Response post(String uri, String json, String... headers) {
    return send(
        request(uri, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  static Response send(String method, String uri, String contentType, String body, String... headers) {
    HttpRequest.Builder builder = request(uri, headers);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    HttpRequest.BodyPublisher publisher =
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return send(builder.method(method, publisher));
  }

  static Response send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Optional<String> type = response.headers().firstValue("Content-Type");
      String uri = request.uri().toString();
      String described = request.method() + " " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri);
      return new Response(response.statusCode(), type.orElse(""), response.body(), response.headers(), described);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static HttpRequest.Builder request(String uri, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }
}
