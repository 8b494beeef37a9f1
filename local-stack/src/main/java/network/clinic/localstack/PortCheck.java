package network.clinic.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Fails before anything starts if a port is taken, naming the port and what wanted it. */
public final class PortCheck {

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

  /** A port nothing listens on right now, for stacks started beside others (tests, benchmarks). */
  public static int anyFreePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
