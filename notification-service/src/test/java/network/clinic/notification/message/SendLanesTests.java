package network.clinic.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendLanesTests {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** More appointments than lanes, so lanes are shared. */
  private static final List<String> APPOINTMENTS =
      List.of("apt-a", "apt-b", "apt-c", "apt-d", "apt-e");

  private final List<String> taken = new CopyOnWriteArrayList<>();

  @Test
  void anAppointmentsMessagesAreTakenOneAtATimeInTheOrderOffered() {
    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    List<String> overlapping = new CopyOnWriteArrayList<>();
    try (SendLanes lanes = new SendLanes(3, message -> {
      if (!inFlight.add(message.appointmentId())) {
        overlapping.add(message.appointmentId());
      }
      Thread.yield();
      taken.add(message.id());
      inFlight.remove(message.appointmentId());
    })) {
      for (int i = 0; i < 40; i++) {
        String appointment = APPOINTMENTS.get(i % APPOINTMENTS.size());
        lanes.offer(message(appointment + "|" + i, appointment));
      }

      await().atMost(PATIENCE).until(() -> taken.size() == 40);
    }

    assertThat(overlapping).isEmpty();
    for (int a = 0; a < APPOINTMENTS.size(); a++) {
      String appointment = APPOINTMENTS.get(a);
      List<String> offered = IntStream.iterate(a, i -> i < 40, i -> i + APPOINTMENTS.size())
          .mapToObj(i -> appointment + "|" + i).toList();
      assertThat(taken.stream().filter(id -> id.startsWith(appointment + "|")).toList())
          .containsExactlyElementsOf(offered);
    }
  }

  @Test
  void aSlowMessageHoldsUpOnlyItsOwnLane() {
    String slow = appointmentOnLane(0, 2);
    String other = appointmentOnLane(1, 2);
    CountDownLatch otherTaken = new CountDownLatch(1);
    List<String> waitedInVain = new CopyOnWriteArrayList<>();
    try (SendLanes lanes = new SendLanes(2, message -> {
      if (message.appointmentId().equals(slow)) {
        // Finishes only once the other lane has taken its message meanwhile.
        if (!released(otherTaken)) {
          waitedInVain.add(message.id());
        }
        taken.add(message.id());
      } else {
        taken.add(message.id()); // before the release, so the order taken is the order asserted
        otherTaken.countDown();
      }
    })) {
      lanes.offer(message("slow", slow));
      lanes.offer(message("other", other));

      await().atMost(PATIENCE.plusSeconds(5)).until(() -> taken.size() == 2);
    }

    assertThat(waitedInVain).isEmpty();
    assertThat(taken).containsExactly("other", "slow");
  }

  @Test
  void aMessageWaitingInItsLaneIsQueuedOnce() {
    CountDownLatch release = new CountDownLatch(1);
    try (SendLanes lanes = new SendLanes(2, blockingOn("first", release))) {
      lanes.offer(message("first", "apt-a"));
      await().atMost(PATIENCE).until(() -> taken.contains("first"));
      // Offered again and again while the lane is busy, as the timed pass and the listener do.
      lanes.offer(message("second", "apt-a"));
      lanes.offer(message("second", "apt-a"));
      lanes.offer(message("second", "apt-a"));
      lanes.offer(message("last", "apt-a"));
      release.countDown();

      await().atMost(PATIENCE).until(() -> taken.contains("last"));
      // Taken already: offering it again queues it anew, for the claim to turn it down.
      lanes.offer(message("second", "apt-a"));
      lanes.offer(message("end", "apt-a"));
      await().atMost(PATIENCE).until(() -> taken.contains("end"));
    }

    assertThat(taken).containsExactly("first", "first done", "second", "last", "second", "end");
  }

  @Test
  void closingLetsTheSendUnderWayEndAndDropsWhatWaits() {
    CountDownLatch release = new CountDownLatch(1);
    SendLanes lanes = new SendLanes(1, blockingOn("first", release));
    lanes.offer(message("first", "apt-a"));
    await().atMost(PATIENCE).until(() -> taken.contains("first"));
    lanes.offer(message("waiting", "apt-a"));

    Thread closing = Thread.ofPlatform().start(lanes::close);
    // Closed, and waiting for the send under way.
    await().atMost(PATIENCE).until(() -> closing.getState() == Thread.State.TIMED_WAITING);
    release.countDown();
    join(closing);
    lanes.offer(message("after", "apt-a"));

    assertThat(taken).containsExactly("first", "first done");
  }

  /** Notes the message; holds {@code blocking} until released, noting when it is done. */
  private Consumer<DueMessage> blockingOn(String blocking, CountDownLatch release) {
    return message -> {
      taken.add(message.id());
      if (message.id().equals(blocking)) {
        released(release);
        taken.add(message.id() + " done");
      }
    };
  }

  private static String appointmentOnLane(int lane, int count) {
    Map<Integer, String> found = new ConcurrentHashMap<>();
    for (int i = 0; !found.containsKey(lane); i++) {
      String candidate = "apt-" + i;
      found.putIfAbsent(SendLanes.laneOf(candidate, count), candidate);
    }
    return found.get(lane);
  }

  private static DueMessage message(String id, String appointmentId) {
    return new DueMessage(id, appointmentId, Channel.EMAIL);
  }

  private static boolean released(CountDownLatch latch) {
    try {
      return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(PATIENCE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(thread.isAlive()).as("close returned").isFalse();
  }
}
