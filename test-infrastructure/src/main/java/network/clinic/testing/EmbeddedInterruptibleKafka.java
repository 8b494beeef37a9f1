package network.clinic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A KRaft broker in this JVM behind a TCP relay of ours. The embedded broker cannot be restarted
 * on the same port with the same data, so the outage is made in front of it: the broker
 * advertises the relay's port, clients only ever connect there, and while "down" the relay cuts
 * every open connection and closes each new one at once. The broker itself keeps running, with
 * its topics and offsets, exactly as a broker behind a failed network link would.
 */
public final class EmbeddedInterruptibleKafka implements InterruptibleKafka {

  private final ServerSocket listener;
  private final EmbeddedKafkaKraftBroker broker;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean down;
  private volatile InetSocketAddress target;

  public EmbeddedInterruptibleKafka() {
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = Thread.ofPlatform().name("kafka-relay-accept").daemon().start(this::accept);
    broker = new EmbeddedKafkaKraftBroker(1, 3);
    // The broker tells clients where it is: here, the relay, so no client bypasses it.
    broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + listener.getLocalPort());
    broker.afterPropertiesSet();
    String direct = broker.getBrokersAsString().split(",")[0];
    int colon = direct.lastIndexOf(':');
    target = new InetSocketAddress(direct.substring(0, colon), Integer.parseInt(direct.substring(colon + 1)));
  }

  @Override
  public String bootstrapServers() {
    return "localhost:" + listener.getLocalPort();
  }

  @Override
  public void takeDown() {
    down = true;
    open.forEach(EmbeddedInterruptibleKafka::closeQuietly);
  }

  @Override
  public void bringBack() {
    down = false;
  }

  @Override
  public void close() {
    down = true;
    closeQuietly(listener);
    open.forEach(EmbeddedInterruptibleKafka::closeQuietly);
    broker.destroy();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      // Until the broker has started, its own start-up checks connect directly, not through here.
      if (down || target == null) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(target.getHostString(), target.getPort());
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform().name("kafka-relay-pump").daemon().start(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // One side went away (or was cut): the other follows below.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing is all we want; a socket already closed is fine.
    }
  }
}
