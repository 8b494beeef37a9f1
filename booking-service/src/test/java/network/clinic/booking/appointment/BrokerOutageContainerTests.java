package network.clinic.booking.appointment;

import network.clinic.booking.ContainerBooking;
import network.clinic.testing.ContainerInterruptibleKafka;
import network.clinic.testing.InterruptibleKafka;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerBooking.class)
class BrokerOutageContainerTests extends BrokerOutageScenarios {

  @Override
  protected InterruptibleKafka startDedicatedBroker() {
    return new ContainerInterruptibleKafka();
  }
}
