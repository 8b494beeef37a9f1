package network.clinic.booking.clinic;

import network.clinic.booking.EmbeddedBooking;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = EmbeddedBooking.class)
class CatalogueEmbeddedTests extends CatalogueScenarios {}
