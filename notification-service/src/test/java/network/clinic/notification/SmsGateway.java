package network.clinic.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import network.clinic.events.AppointmentEventJson;
import tools.jackson.databind.JsonNode;

/**
 * A local HTTP server standing in for an SMS provider's webhook: records what it is sent and
 * answers with the status a test sets.
 */
public final class SmsGateway implements AutoCloseable {

  /** One request as the gateway saw it. */
  public record Received(String idempotencyKey, String contentType, JsonNode body) {

    public String to() {
      return body.get("to").asString();
    }

    public String text() {
      return body.get("text").asString();
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);

  private SmsGateway(HttpServer server) {
    this.server = server;
  }

  public static SmsGateway start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SmsGateway gateway = new SmsGateway(server);
      server.createContext("/sms", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int answer = gateway.status.get();
        if (answer / 100 == 2) {
          gateway.received.add(new Received(
              exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              AppointmentEventJson.mapper().readTree(new String(body, StandardCharsets.UTF_8))));
        }
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
      });
      server.start();
      return gateway;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
  }

  /** The status of every answer from now on; 2xx means accepted. */
  public void answer(int status) {
    this.status.set(status);
  }

  /** Accepted requests for this phone number. */
  public List<Received> to(String phone) {
    return received.stream().filter(request -> phone.equals(request.to())).toList();
  }

  /** Accepted requests with this idempotency key. */
  public List<Received> withKey(String key) {
    return received.stream().filter(request -> key.equals(request.idempotencyKey())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
