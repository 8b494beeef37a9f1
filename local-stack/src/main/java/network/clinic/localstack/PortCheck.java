package network.clinic.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Fails before anything starts if a port is taken, naming the port and what wanted it. */
public final class PortCheck {

  private static final int FIRST_CHOSEN_PORT = 20_000;
  private static final int LAST_CHOSEN_PORT = 32_000;
  private static final Set<Integer> handedOut = new HashSet<>();

  private PortCheck() {}

  static void requireFree(List<StackSettings.PortClaim> claims) {
    for (StackSettings.PortClaim claim : claims) {
      if (!isFree(claim.port())) {
        throw new StackStartException(
            "Port %d is already in use, but the %s needs it. Stop whatever holds it (e.g. `ss -ltnp 'sport = :%d'`) or choose another port with %s=<port>."
                .formatted(claim.port(), claim.owner(), claim.port(), claim.variable()));
      }
    }
  }

  /**
   * A port nothing listens on right now, for stacks started beside others (tests, benchmarks).
   * Never the same one twice in this JVM, and taken below Linux's ephemeral range (32768–60999):
   * a port the kernel handed out for {@code bind(0)} can be given again to any outgoing connection
   * (a Kafka or MongoDB client starting meanwhile) before the service that was meant to bind it does.
   */
  public static synchronized int anyFreePort() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST_CHOSEN_PORT, LAST_CHOSEN_PORT + 1);
      if (!handedOut.contains(port) && isFree(port)) {
        handedOut.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + FIRST_CHOSEN_PORT + " and " + LAST_CHOSEN_PORT);
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
