package network.clinic.content;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task run on its own daemon thread with a fixed delay between runs, started and stopped with
 * the bean that owns it. A task that throws is not run again, so tasks catch what they expect.
 */
public final class FixedDelayTask {

  private final String threadName;
  private final Runnable task;
  private ScheduledExecutorService scheduler;

  public FixedDelayTask(String threadName, Runnable task) {
    this.threadName = threadName;
    this.task = task;
  }

  public synchronized void start(Duration initialDelay, Duration delay) {
    stop();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(task, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
