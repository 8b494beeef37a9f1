package network.clinic.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across work that is stored and done later — an outbox entry published by a
 * relay, a message sent by a dispatcher — as a W3C {@code traceparent} saved with the work, so
 * one trace runs from the booking request to the mail that confirms it.
 */
public class TraceContinuity {

  static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  public TraceContinuity(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The current span as a {@code traceparent} value, or null outside any trace. */
  public String currentTraceparent() {
    Span span = tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Runs {@code work} in a new span that continues {@code traceparent} (a new trace if null). */
  public <T> T continueTrace(String traceparent, String spanName, Supplier<T> work) {
    Span span =
        traceparent == null
            ? tracer.nextSpan().name(spanName).start()
            : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key)).name(spanName).start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      return work.get();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
