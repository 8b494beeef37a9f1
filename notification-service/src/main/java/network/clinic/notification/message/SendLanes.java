package network.clinic.notification.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of lanes, each a single thread, that send messages side by side. Every message of
 * one appointment goes to the same lane, which takes its messages one after the other in the order
 * it was handed them: a change notice never overtakes the confirmation still being sent, while
 * other appointments' messages go out on the other lanes meanwhile.
 *
 * <p>A lane holds ids only and claims each message when its turn comes, so a message waiting here
 * is still free for another instance, and what was superseded meanwhile is simply not claimed.
 */
final class SendLanes implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SendLanes.class);

  /** An in-flight send ends within the SMTP timeouts; this only bounds a stuck one. */
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final List<Lane> lanes;
  private final Consumer<DueMessage> send;
  private volatile boolean closed;

  /** @param send claims and sends one message; must not throw */
  SendLanes(int count, Consumer<DueMessage> send) {
    this.send = send;
    List<Lane> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(new Lane(i));
    }
    this.lanes = List.copyOf(created);
  }

  /** The lane of an appointment: the same for all its messages, as long as the count is. */
  static int laneOf(String appointmentId, int count) {
    return Math.floorMod(Objects.hashCode(appointmentId), count);
  }

  /** Queues the message on its appointment's lane, unless it is waiting there already. */
  void offer(DueMessage message) {
    lanes.get(laneOf(message.appointmentId(), lanes.size())).offer(message);
  }

  /** Lets the sends in progress end, drops what waits: it stays pending in the database. */
  @Override
  public void close() {
    closed = true;
    lanes.forEach(lane -> lane.thread.shutdown());
    for (Lane lane : lanes) {
      try {
        if (!lane.thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
          log.warn("Send lane {} still busy at shutdown; its message is sent again after its"
              + " lease if the provider took it", lane.index);
          lane.thread.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        lane.thread.shutdownNow();
      }
    }
  }

  private final class Lane {

    private final int index;
    private final ExecutorService thread;
    /** Ids queued and not yet taken: the timed pass finds a waiting message again. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    Lane(int index) {
      this.index = index;
      this.thread = Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("message-sender-" + index).daemon(true).factory());
    }

    void offer(DueMessage message) {
      if (closed || !waiting.add(message.id())) {
        return;
      }
      try {
        thread.execute(() -> take(message));
      } catch (RejectedExecutionException e) {
        // Closing: the message stays pending for the next start or another instance.
        waiting.remove(message.id());
      }
    }

    private void take(DueMessage message) {
      waiting.remove(message.id());
      if (!closed) {
        send.accept(message);
      }
    }
  }
}
