package network.clinic.booking.seed;

import network.clinic.testing.ContainerInfrastructure;
import network.clinic.testing.Infrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
class DemoDataSeederContainerTests extends DemoDataSeederScenarios {

  @Override
  Infrastructure infrastructure() {
    return ContainerInfrastructure.shared();
  }
}
