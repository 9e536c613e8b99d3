package dev.marquee.render.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineArchitectureTest {

  @Test
  void engineDoesNotDependOnJakarta() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.marquee.render.engine", "dev.marquee.render.suggest");
    noClasses()
        .that()
        .resideInAnyPackage("dev.marquee.render.engine..", "dev.marquee.render.suggest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta..")
        .because("the engine is pure Java so it can be unit-tested and benchmarked in isolation")
        .check(classes);
  }
}
