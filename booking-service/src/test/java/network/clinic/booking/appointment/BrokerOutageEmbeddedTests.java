package network.clinic.booking.appointment;

import network.clinic.booking.EmbeddedBooking;
import network.clinic.testing.EmbeddedInterruptibleKafka;
import network.clinic.testing.InterruptibleKafka;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = EmbeddedBooking.class)
class BrokerOutageEmbeddedTests extends BrokerOutageScenarios {

  @Override
  protected InterruptibleKafka startDedicatedBroker() {
    return new EmbeddedInterruptibleKafka();
  }
}
