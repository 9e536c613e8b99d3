package dev.marquee.render.template;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores templates and their versions. */
public interface TemplateRepository {
  Optional<Template> findByName(String name);

  Optional<TemplateVersion> findVersion(Template template, int number);

  Optional<TemplateVersion> findVersionById(UUID id);

  /** Templates of this status by name, after {@code afterName} (exclusive) when given. */
  List<Template> list(TemplateStatus status, String afterName, int limit);

  void add(Template template);

  void add(TemplateVersion version);
}
