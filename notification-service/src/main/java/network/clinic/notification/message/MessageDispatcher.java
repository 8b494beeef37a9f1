package network.clinic.notification.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import network.clinic.events.AppointmentEvent;
import network.clinic.events.AppointmentEventJson;
import network.clinic.support.tracing.TraceContinuity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends recorded messages when they are due. Any number of instances may run it: each message is
 * claimed atomically with a lease in the database, so two instances never send the same one.
 *
 * <p>Sending runs on {@link SendLanes}: several messages at once, but those of one appointment one
 * after the other, in order. Messages this instance records are handed over at once by the
 * {@link MessagePlanner}; a timed pass finds everything else that is due (reminders, retries,
 * messages recorded or left behind by another instance).
 *
 * <p>A message is marked {@code SENT} right after the provider accepted it and is never claimed
 * again after that. A patient can still get a message twice when the provider took it but this
 * service does not learn or record it in time: this instance stops (or loses the database for
 * longer than the lease) between the acceptance and that write; the provider's answer is lost or
 * comes after the timeout, so the attempt counts as failed; or a send outlasts the lease and
 * another instance claims the message. Receivers can still recognise such a repeat: every attempt
 * carries the same Message-ID (email) or idempotency key (SMS webhook). See the README.
 */
@Component
class MessageDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

  enum Result {
    SENT,
    /** Failed, another attempt is scheduled: the provider is likely unavailable. */
    RETRY,
    /** Failed for good, expired, or could not be sent at all. */
    SETTLED,
    /** Not taken: sent, settled, superseded or claimed elsewhere meanwhile, or not due. */
    NOT_CLAIMED,
    /**
     * Not tried: since the last timed pass its channel failed in a way that may pass, or the
     * database did.
     */
    HELD
  }

  private final MessageStore store;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final DispatchProperties properties;
  private final MessageMetrics metrics;
  private final Clock clock;
  private final TraceContinuity traces;
  // Random per instance and start: a restarted instance must not believe it still holds leases.
  private final String owner = UUID.randomUUID().toString();
  /** Accepted by the provider, but the SENT write failed: retried before anything else. */
  private final Queue<Accepted> unmarked = new ConcurrentLinkedQueue<>();
  /**
   * Channels that failed in a way that may pass, until the next timed pass: while the provider is
   * down there is no point spending every message's attempt on it.
   */
  private final Set<Channel> held = ConcurrentHashMap.newKeySet();
  /** Null unless dispatch is enabled and the application running. */
  private volatile SendLanes lanes;

  MessageDispatcher(
      MessageStore store,
      List<ChannelSender> senders,
      DispatchProperties properties,
      MessageMetrics metrics,
      Clock clock,
      TraceContinuity traces) {
    this.traces = traces;
    this.store = store;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (properties.enabled() && lanes == null) {
      lanes = new SendLanes(properties.senders(), this::attempt);
    }
  }

  @Override
  public synchronized void stop() {
    SendLanes running = lanes;
    lanes = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean isRunning() {
    return lanes != null;
  }

  /** Starts before the Kafka listeners and stops after them, so no hand-over finds it closed. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }

  /**
   * The scheduled entry point, never throwing into the scheduler: lifts the holds, then hands
   * every due message found to the lanes (the ones already waiting there are not queued twice).
   */
  void runPass() {
    SendLanes running = lanes;
    if (running == null) {
      return;
    }
    held.clear();
    try {
      if (!markUnmarked()) {
        return;
      }
      store.due(clock.instant(), properties.maxMessagesPerPass()).forEach(running::offer);
    } catch (RuntimeException e) {
      // Typically the database is unreachable; claimed messages come back when their lease ends.
      log.warn("Message dispatch pass failed: {}", e.getClass().getName());
    }
  }

  /**
   * Messages just recorded and due now: sent without waiting for the next pass. Ignored while
   * sending is off or an accepted message cannot be marked; the timed pass finds them then.
   */
  void recorded(List<DueMessage> messages) {
    SendLanes running = lanes;
    if (running != null && unmarked.isEmpty()) {
      messages.forEach(running::offer);
    }
  }

  /** One message on its lane: claims it, then sends it in the trace of its event. Never throws. */
  Result attempt(DueMessage due) {
    if (held.contains(due.channel()) || !unmarked.isEmpty()) {
      return Result.HELD;
    }
    try {
      Optional<Message> claimed = store.claim(due.id(), clock.instant(), properties.lease(), owner);
      if (claimed.isEmpty()) {
        return Result.NOT_CLAIMED;
      }
      // The send continues the trace of the event it answers (and so of the booking request).
      Message message = claimed.get();
      Result result = traces.continueTrace(message.traceparent(), "notification send", () -> deliver(message));
      if (result == Result.RETRY) {
        held.add(message.channel());
      }
      return result;
    } catch (RuntimeException e) {
      // The database, most likely: hold everything until the next pass instead of queueing waits.
      held.addAll(EnumSet.allOf(Channel.class));
      log.warn("Message {} of appointment {} not dispatched: {}",
          due.id(), due.appointmentId(), e.getClass().getName());
      return Result.HELD;
    }
  }

  Result deliver(Message message) {
    Instant now = clock.instant();
    if (message.expiresAt() != null && !now.isBefore(message.expiresAt())) {
      store.giveUp(message.id(), owner, MessageStatus.EXPIRED, null, now);
      metrics.expired(message.channel(), message.kind());
      log.info("Message {} of appointment {} expired unsent", message.id(), message.appointmentId());
      return Result.SETTLED;
    }
    ChannelSender sender = senders.get(message.channel());
    if (sender == null || message.payload() == null) {
      return fail(message, new DeliveryException(
          sender == null ? "No sender for " + message.channel() : "No content", true, null));
    }
    try {
      AppointmentEvent event = AppointmentEventJson.read(message.payload());
      sender.send(new OutgoingMessage(message.id(), message.kind(), event));
    } catch (RuntimeException e) {
      return fail(message, e);
    }
    Instant acceptedAt = clock.instant();
    markSent(message.id(), acceptedAt);
    metrics.sent(message.channel(), message.kind(),
        Duration.between(message.latencyStart(), acceptedAt));
    log.info("Sent message {} of appointment {} (attempt {})",
        message.id(), message.appointmentId(), message.attempts());
    return Result.SENT;
  }

  private Result fail(Message message, RuntimeException e) {
    boolean permanent = e instanceof DeliveryException delivery && delivery.permanent();
    String error = describe(e);
    Instant now = clock.instant();
    DispatchProperties.Retry retry = properties.retry();
    if (permanent || message.attempts() >= retry.maxAttempts()) {
      store.giveUp(message.id(), owner, MessageStatus.FAILED, error, now);
      metrics.failed(message.channel(), message.kind());
      log.warn("Gave up message {} of appointment {} after {} attempt(s): {}",
          message.id(), message.appointmentId(), message.attempts(), error);
      return Result.SETTLED;
    }
    Instant next = now.plus(retry.backoff(message.attempts()));
    store.retryLater(message.id(), owner, next, error, now);
    metrics.attemptFailed(message.channel(), message.kind());
    log.warn("Message {} of appointment {} not accepted (attempt {}), next attempt at {}: {}",
        message.id(), message.appointmentId(), message.attempts(), next, error);
    return Result.RETRY;
  }

  /**
   * Records acceptance at once, with a few immediate retries; if the database still refuses,
   * keeps trying at the start of every timed pass for as long as this instance runs.
   */
  private void markSent(String id, Instant acceptedAt) {
    for (int attempt = 1; attempt <= properties.markSentAttempts(); attempt++) {
      try {
        store.markSent(id, acceptedAt);
        return;
      } catch (RuntimeException e) {
        if (attempt == properties.markSentAttempts()) {
          unmarked.add(new Accepted(id, acceptedAt));
          log.error("Message {} was accepted but could not be marked sent ({}); retrying. If this"
              + " instance stops first, it will be sent again after its lease", id,
              e.getClass().getName());
        }
      }
    }
  }

  /** @return false while some accepted message still cannot be marked: the database is away. */
  private boolean markUnmarked() {
    for (Accepted accepted = unmarked.peek(); accepted != null; accepted = unmarked.peek()) {
      try {
        store.markSent(accepted.id(), accepted.at());
      } catch (RuntimeException e) {
        return false;
      }
      unmarked.poll();
      log.info("Message {} marked sent after all", accepted.id());
    }
    return true;
  }

  /**
   * Exception classes only, e.g. "DeliveryException < MailConnectException": messages may quote
   * addresses or the server's reply.
   */
  static String describe(Throwable e) {
    StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
    if (e instanceof DeliveryException) {
      // Our own messages are free of personal data by contract.
      chain.append(" (").append(e.getMessage()).append(')');
    }
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && depth < 4; depth++, cause = cause.getCause()) {
      chain.append(" < ").append(cause.getClass().getSimpleName());
    }
    return chain.toString();
  }

  private record Accepted(String id, Instant at) {}
}
