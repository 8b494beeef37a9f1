package network.clinic.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking API over real HTTP, as a website or staff tool calls it. Each request comes from its
 * own client address (X-Forwarded-For, trusted from loopback) unless one is given, so the per-IP
 * rate limit only meets the tests that aim at it.
 */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  // As long as a request may take: 100 racing connections on a loaded 2-CPU machine can wait
  // more than a few seconds for Tomcat's acceptor.
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public record Response(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The stable problem type without its base, e.g. {@code slot-unavailable}. */
    public String problemType() {
      return json().path("type").asString().replace("https://clinic.network/problems/", "");
    }
  }

  public Request get(String path) {
    return new Request("GET", path, null);
  }

  public Request post(String path, Object body) {
    return new Request("POST", path, body instanceof String raw ? raw : JSON.writeValueAsString(body));
  }

  /** A body sent without Content-Length (chunked), as a client streaming it would. */
  public Request postChunked(String path, String body) {
    Request request = new Request("POST", path, body);
    request.chunked = true;
    return request;
  }

  public Request put(String path, Object body) {
    return new Request("PUT", path, body instanceof String raw ? raw : JSON.writeValueAsString(body));
  }

  public Request options(String path) {
    return new Request("OPTIONS", path, null);
  }

  public Request delete(String path) {
    return new Request("DELETE", path, null);
  }

  public final class Request {

    private final String method;
    private final String path;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean chunked;

    private Request(String method, String path, String body) {
      this.method = method;
      this.path = path;
      this.body = body;
      headers.put("X-Forwarded-For", randomClientAddress());
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Request staff(String bearerToken) {
      return header("Authorization", "Bearer " + bearerToken);
    }

    public Request token(String manageToken) {
      return header("X-Manage-Token", manageToken);
    }

    public Request from(String clientAddress) {
      return header("X-Forwarded-For", clientAddress);
    }

    public Response send() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      headers.forEach(request::header);
      if (body != null) {
        request.header("Content-Type", "application/json");
        request.method(method, chunked
            ? HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            : HttpRequest.BodyPublishers.ofString(body));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** From the documentation range 198.18.0.0/15, random per request. */
  static String randomClientAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
