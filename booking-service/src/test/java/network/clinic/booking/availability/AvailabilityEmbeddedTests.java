package network.clinic.booking.availability;

import network.clinic.booking.EmbeddedBooking;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = EmbeddedBooking.class)
class AvailabilityEmbeddedTests extends AvailabilityScenarios {}
