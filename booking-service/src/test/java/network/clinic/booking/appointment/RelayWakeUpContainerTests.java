package network.clinic.booking.appointment;

import network.clinic.booking.ContainerBooking;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerBooking.class)
class RelayWakeUpContainerTests extends RelayWakeUpScenarios {}
