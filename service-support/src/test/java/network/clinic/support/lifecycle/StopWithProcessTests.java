package network.clinic.support.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StopWithProcessTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StopWithProcessAutoConfiguration.class));

  @Test
  void stopsOnceTheWatchedProcessExits() throws Exception {
    Process watched = new ProcessBuilder("sleep", "120").start();
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      StopWithProcess.watch(watched.pid(), stopped::countDown);
      assertThat(stopped.await(1, TimeUnit.SECONDS)).as("stopped while the process runs").isFalse();

      watched.destroyForcibly();

      assertThat(stopped.await(10, TimeUnit.SECONDS)).as("stopped after the process exited").isTrue();
    } finally {
      watched.destroyForcibly();
    }
  }

  @Test
  void stopsAtOnceWhenTheProcessIsAlreadyGone() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    CountDownLatch stopped = new CountDownLatch(1);

    StopWithProcess.watch(gone.pid(), stopped::countDown);

    assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void watchesOnlyWhenAProcessIsNamed() {
    context.withPropertyValues("clinic.lifecycle.stop-with-process=").run(app -> assertThat(app).doesNotHaveBean(StopWithProcess.class));
    context.run(app -> assertThat(app).doesNotHaveBean(StopWithProcess.class));

    // the process that started this test JVM outlives the context, so the watch never stops it
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    context
        .withPropertyValues("clinic.lifecycle.stop-with-process=" + parent)
        .run(app -> assertThat(app).getBean(StopWithProcess.class).extracting(StopWithProcess::pid).isEqualTo(parent));
  }
}
