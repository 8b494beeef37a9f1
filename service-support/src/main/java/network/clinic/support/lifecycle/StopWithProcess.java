package network.clinic.support.lifecycle;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action once a given process has exited, or at once if it is already gone. The JDK
 * notices the exit of a process that is not this one's child by polling it (every 0.3 s at
 * first, slowing by 30 ms a time to every 5 s), and checks its start time, so a reused pid is not
 * mistaken for it.
 */
public final class StopWithProcess {

  private static final Logger log = LoggerFactory.getLogger(StopWithProcess.class);

  private final long pid;

  private StopWithProcess(long pid) {
    this.pid = pid;
  }

  /** Watches {@code pid}; {@code stop} runs on its own platform thread, so it may block or exit the JVM. */
  public static StopWithProcess watch(long pid, Runnable stop) {
    StopWithProcess watch = new StopWithProcess(pid);
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      watch.stop(stop, "is not running");
    } else {
      process.get().onExit().thenRun(() -> watch.stop(stop, "has exited"));
    }
    return watch;
  }

  public long pid() {
    return pid;
  }

  private void stop(Runnable stop, String reason) {
    log.warn("Process {}, which this service stops with, {}; stopping", pid, reason);
    Thread.ofPlatform().name("stop-with-process-" + pid).start(stop);
  }
}
