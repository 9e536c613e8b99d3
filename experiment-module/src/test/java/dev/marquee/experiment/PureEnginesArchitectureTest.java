package dev.marquee.experiment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The statistics and assignment engines stay pure Java so they run and benchmark anywhere. */
@AnalyzeClasses(
    packages = "dev.marquee.experiment",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PureEnginesArchitectureTest {

  @ArchTest
  static final ArchRule enginesDoNotDependOnJakarta =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.marquee.experiment.stats..",
              "dev.marquee.experiment.assignment..",
              "dev.marquee.experiment.audience.rules..",
              "dev.marquee.experiment.replay..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta..")
          .because("the engines are unit-tested and benchmarked without a container");
}
