package network.clinic.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import network.clinic.support.security.SecuredTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = SecuredTestApplication.class)
class TraceContinuityTests {

  @Autowired TraceContinuity traces;
  @Autowired Tracer tracer;

  @Test
  void workDoneLaterContinuesTheTraceItWasSavedIn() {
    Span request = tracer.nextSpan().name("request").start();
    String saved;
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      saved = traces.currentTraceparent();
    } finally {
      request.end();
    }

    String traceIdLater = traces.continueTrace(saved, "publish", () -> tracer.currentSpan().context().traceId());

    assertThat(saved).startsWith("00-" + request.context().traceId() + "-");
    assertThat(traceIdLater).isEqualTo(request.context().traceId());
  }

  @Test
  void outsideATraceThereIsNothingToSaveAndLaterWorkStartsItsOwn() {
    assertThat(traces.currentTraceparent()).isNull();

    String traceId = traces.continueTrace(null, "publish", () -> tracer.currentSpan().context().traceId());

    assertThat(traceId).isNotBlank();
  }
}
