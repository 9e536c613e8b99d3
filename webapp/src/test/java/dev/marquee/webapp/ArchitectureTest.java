package dev.marquee.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of design.md, checked on the classes of all modules as they are
 * assembled into the WAR.
 */
class ArchitectureTest {
  static final String[] CMS_PLUGIN = {
    "dev.marquee.api..",
    "dev.marquee.catalog..",
    "dev.marquee.tagging..",
    "dev.marquee.audit..",
    "dev.marquee.integration..",
    "dev.marquee.delivery..",
    "dev.marquee.errors..",
    "dev.marquee.web..",
    "dev.marquee.account..",
    "dev.marquee.database..",
    "dev.marquee.paging..",
    "dev.marquee.security..",
    "dev.marquee.publishing.."
  };
  static final String RENDERING = "dev.marquee.render..";
  static final String EXPERIMENTS = "dev.marquee.experiment..";
  static final String[] WEBAPP = {"dev.marquee.webapp..", "dev.marquee.demo.."};

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee");
  }

  @Test
  void pureEnginesHaveNoJakartaDependencies() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.marquee.render.engine..",
            "dev.marquee.experiment.stats..",
            "dev.marquee.experiment.assignment..",
            "dev.marquee.experiment.audience.rules..",
            "dev.marquee.experiment.guardrail.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta..", "org.eclipse.microprofile..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void cmsPluginDependsOnNoHigherModule() {
    noClasses()
        .that()
        .resideInAnyPackage(CMS_PLUGIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {RENDERING, EXPERIMENTS}, WEBAPP))
        .check(classes);
  }

  @Test
  void renderingDependsOnNoHigherModule() {
    noClasses()
        .that()
        .resideInAPackage(RENDERING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(new String[] {EXPERIMENTS}, WEBAPP))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void experimentsDependOnNoHigherModule() {
    noClasses()
        .that()
        .resideInAPackage(EXPERIMENTS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEBAPP)
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void generatedDtosStayInTheWebLayer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.marquee.api..", "..web..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.marquee.api.model..")
        .check(classes);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
