package network.clinic.content;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Features depend on {@code article}, never the other way round; {@code web} (problems, caching,
 * limits) and {@code rendering} know no feature. Search is reached through the {@code ArticleSearch}
 * interface, so Lucene stays inside {@code search}.
 */
class ModuleBoundaryTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("network.clinic.content");

  @Test
  void featuresHaveNoCycles() {
    slices().matching("network.clinic.content.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void articleKnowsNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("..content.article..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..content.search..", "..content.importing..", "..content.seed..")
        .check(CLASSES);
  }

  @Test
  void sharedPackagesKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("..content.web..", "..content.rendering..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..content.article..", "..content.search..", "..content.importing..", "..content.seed..")
        .check(CLASSES);
  }

  @Test
  void luceneStaysInSearch() {
    noClasses().that().resideOutsideOfPackage("..content.search..").should().dependOnClassesThat().resideInAPackage("org.apache.lucene..").check(CLASSES);
  }
}
