package network.clinic.booking.practitioner;

import network.clinic.booking.EmbeddedBooking;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = EmbeddedBooking.class)
class ScheduleEmbeddedTests extends ScheduleScenarios {}
