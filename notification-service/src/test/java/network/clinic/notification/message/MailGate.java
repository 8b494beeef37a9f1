package network.clinic.notification.message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * A slow SMTP server on demand: sends to an address the test holds wait in the email channel until
 * it lets them go, with the real sender behind. Counts the sends started per address and notes
 * every send that began while another one of the same appointment was still under way.
 */
final class MailGate {

  /** A held send gives up waiting after this, so a failing test cannot block shutdown. */
  private static final long HOLD_LIMIT_SECONDS = 60;

  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
  private final Set<String> appointmentsInFlight = ConcurrentHashMap.newKeySet();
  private final List<String> overlapping = new CopyOnWriteArrayList<>();

  /** From now on, sends to this address wait until {@link #release}. */
  void hold(String address) {
    holds.put(address, new CountDownLatch(1));
  }

  void release(String address) {
    CountDownLatch hold = holds.remove(address);
    if (hold != null) {
      hold.countDown();
    }
  }

  void releaseAll() {
    List.copyOf(holds.keySet()).forEach(this::release);
  }

  /** Sends to this address begun so far, held ones included. */
  int started(String address) {
    AtomicInteger count = started.get(address);
    return count == null ? 0 : count.get();
  }

  /** Appointments that had two sends under way at once. */
  List<String> overlapping() {
    return List.copyOf(overlapping);
  }

  ChannelSender around(ChannelSender email) {
    return new ChannelSender() {
      @Override
      public Channel channel() {
        return email.channel();
      }

      @Override
      public void send(OutgoingMessage message) {
        String address = message.event().patient().email();
        String appointment = message.event().appointmentId();
        if (!appointmentsInFlight.add(appointment)) {
          overlapping.add(appointment);
        }
        try {
          started.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
          awaitRelease(holds.get(address));
          email.send(message);
        } finally {
          appointmentsInFlight.remove(appointment);
        }
      }
    };
  }

  private static void awaitRelease(CountDownLatch hold) {
    if (hold == null) {
      return;
    }
    try {
      if (!hold.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Held send was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while held", e);
    }
  }

  /**
   * Puts the gate in front of the application's email channel, where imported. Not a stereotype:
   * a second instance's component scan must not find it.
   */
  static class Installed {

    static final MailGate GATE = new MailGate();

    @Bean
    static BeanPostProcessor mailGate() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof ChannelSender sender && sender.channel() == Channel.EMAIL) {
            return GATE.around(sender);
          }
          return bean;
        }
      };
    }
  }
}
