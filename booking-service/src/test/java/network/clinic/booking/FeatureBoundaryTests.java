package network.clinic.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Features depend one way: the catalogue (clinic, treatment, practitioner) knows nothing of
 * bookings; availability asks which claims are taken through its own {@code TakenClaims} port and never
 * reaches into appointments; only the appointment feature writes appointment documents.
 */
class FeatureBoundaryTests {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("network.clinic.booking");

  @Test
  void theCatalogueDoesNotDependOnBookingOrAvailability() {
    noClasses().that().resideInAnyPackage("..booking.clinic..", "..booking.treatment..", "..booking.practitioner..")
        .should().dependOnClassesThat().resideInAnyPackage("..booking.appointment..", "..booking.availability..")
        .check(MAIN);
  }

  @Test
  void availabilityDoesNotReachIntoAppointments() {
    noClasses().that().resideInAPackage("..booking.availability..")
        .should().dependOnClassesThat().resideInAPackage("..booking.appointment..")
        .check(MAIN);
  }

  @Test
  void onlyTheAppointmentFeatureAndTheRelayUseTheOutbox() {
    noClasses().that().resideOutsideOfPackages("..booking.appointment..", "..booking.outbox..")
        .should().dependOnClassesThat().resideInAPackage("..booking.outbox..")
        .check(MAIN);
  }
}
