package network.clinic.booking.clinic;

import network.clinic.booking.ContainerBooking;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerBooking.class)
class CatalogueContainerTests extends CatalogueScenarios {}
