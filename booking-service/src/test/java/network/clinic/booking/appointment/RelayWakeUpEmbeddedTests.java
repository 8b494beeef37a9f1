package network.clinic.booking.appointment;

import network.clinic.booking.EmbeddedBooking;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = EmbeddedBooking.class)
class RelayWakeUpEmbeddedTests extends RelayWakeUpScenarios {}
