package network.clinic.booking.seed;

import network.clinic.testing.EmbeddedInfrastructure;
import network.clinic.testing.Infrastructure;

class DemoDataSeederEmbeddedTests extends DemoDataSeederScenarios {

  @Override
  Infrastructure infrastructure() {
    return EmbeddedInfrastructure.shared();
  }
}
