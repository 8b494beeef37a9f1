package network.clinic.notification.message;

import network.clinic.testing.ContainerInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class ParallelDispatchContainerTests extends ParallelDispatchScenarios {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    register(registry, ContainerInfrastructure.shared(), "notification-parallel");
  }
}
