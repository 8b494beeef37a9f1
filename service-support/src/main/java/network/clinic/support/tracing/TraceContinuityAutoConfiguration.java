package network.clinic.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/** Provides {@link TraceContinuity}; without a tracer (e.g. tracing off in a test) it does nothing. */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
    "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
public class TraceContinuityAutoConfiguration {

  @Bean
  TraceContinuity traceContinuity(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new TraceContinuity(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
  }
}
