package dev.marquee.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** persistence.xml lists entities by class; a new entity that is not listed would not be mapped. */
class PersistenceUnitListsEveryEntityTest {

  @Test
  void everyEntityOfEveryModuleIsListed() throws Exception {
    Set<String> entities =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.marquee")
                .stream()
                .filter(c -> c.isAnnotatedWith("jakarta.persistence.Entity"))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    String xml = Files.readString(Path.of("src/main/resources/META-INF/persistence.xml"));
    Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
    Set<String> listed = m.results().map(r -> r.group(1).trim()).collect(Collectors.toSet());

    assertThat(entities).contains("dev.marquee.account.LocalAccount");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(entities);
  }
}
