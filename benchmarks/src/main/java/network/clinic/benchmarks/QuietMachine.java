package network.clinic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Waits until the machine's CPUs are nearly idle, so a measurement does not pay for work the one
 * before it left behind: a mail backlog still draining, an index merge, a just-restarted JVM
 * compiling. Reads the whole machine's busy time from {@code /proc/stat} (Linux).
 */
final class QuietMachine {

  private static final double BUSY_BELOW = 0.15;
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private QuietMachine() {}

  /** Seconds waited until one window was under 15 % busy, or -1 when it never was within {@code timeout}. */
  static double await(Duration timeout) throws IOException, InterruptedException {
    Instant began = Instant.now();
    long[] previous = busyAndTotal();
    while (Duration.between(began, Instant.now()).compareTo(timeout) < 0) {
      Thread.sleep(WINDOW.toMillis());
      long[] now = busyAndTotal();
      double busy = (double) (now[0] - previous[0]) / Math.max(1, now[1] - previous[1]);
      previous = now;
      if (busy < BUSY_BELOW) {
        return Duration.between(began, Instant.now()).toMillis() / 1000.0;
      }
    }
    return -1;
  }

  /** Busy and total jiffies of all CPUs: the first line of /proc/stat, idle and iowait not busy. */
  private static long[] busyAndTotal() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
    long[] fields = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
    long total = Arrays.stream(fields).limit(8).sum(); // guest time is already in user time
    long idle = fields[3] + fields[4];
    return new long[] {total - idle, total};
  }
}
