package dev.marquee.render.template;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import dev.marquee.render.engine.InvalidRenderSpecException;
import dev.marquee.render.engine.RenderSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, versions, archives and reads templates; every change is validated completely before
 * anything is stored, and audited in the same transaction.
 */
@ApplicationScoped
@Transactional
public class TemplateService {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  private TemplateRepository templates;
  private TemplateAssets assets;
  private AuditLog audit;

  protected TemplateService() {}

  @Inject
  public TemplateService(TemplateRepository templates, TemplateAssets assets, AuditLog audit) {
    this.templates = templates;
    this.assets = assets;
    this.audit = audit;
  }

  /** Creates the template with version 1. */
  public TemplateVersion create(
      String name, String description, TemplateDefinition definition, String actor) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "must be 1..100 lower-case letters, digits, '.', '_' or '-', not leading"));
    }
    errors.addAll(validator().validate(definition));
    requireValid(errors, definition);
    if (templates.findByName(name).isPresent()) {
      throw new ResourceConflictException("A template named '" + name + "' already exists.");
    }
    retainLogos(definition);
    Instant now = AuditLog.now();
    Template template = new Template(name, description, actor, now);
    templates.add(template);
    TemplateVersion version = template.addVersion(definition, description, actor, now);
    templates.add(version);
    audit.record(
        actor,
        AuditAction.TEMPLATE_CREATED,
        AuditTarget.TEMPLATE,
        name,
        "Created template '" + name + "' (version 1)",
        Map.of("version", 1, "definitionHash", version.getDefinitionHash()));
    return version;
  }

  /**
   * Adds a version unless the definition and description equal the latest's.
   *
   * @param expectedVersion the latest version the change is based on, or null for any
   */
  public TemplateVersion update(
      String name,
      Integer expectedVersion,
      String description,
      TemplateDefinition definition,
      String actor) {
    Template template = find(name);
    if (expectedVersion != null && expectedVersion != template.getLatestVersion()) {
      throw new StaleVersionException(
          "Template '"
              + name
              + "' has a newer version; the latest is "
              + template.getLatestVersion()
              + ".",
          template.getLatestVersion());
    }
    if (template.getStatus() == TemplateStatus.ARCHIVED) {
      throw new ResourceConflictException(
          "Template '" + name + "' is archived and takes no new versions.");
    }
    requireValid(validator().validate(definition), definition);
    TemplateVersion latest = latestOf(template);
    if (latest.getDefinitionHash().equals(TemplateDefinitionCodec.hash(definition))
        && Objects.equals(description, template.getDescription())) {
      return latest;
    }
    retainLogos(definition);
    TemplateVersion version = template.addVersion(definition, description, actor, AuditLog.now());
    templates.add(version);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("version", version.getNumber());
    details.put("previousDefinitionHash", latest.getDefinitionHash());
    details.put("definitionHash", version.getDefinitionHash());
    audit.record(
        actor,
        AuditAction.TEMPLATE_UPDATED,
        AuditTarget.TEMPLATE,
        name,
        "Template '" + name + "' version " + version.getNumber(),
        details);
    return version;
  }

  /** Archives the template (a no-op when it is archived already). */
  public void archive(String name, Integer expectedVersion, String actor) {
    Template template = find(name);
    if (expectedVersion != null && expectedVersion != template.getLatestVersion()) {
      throw new StaleVersionException(
          "Template '" + name + "' has a newer version " + template.getLatestVersion() + ".",
          template.getLatestVersion());
    }
    if (template.archive(actor, AuditLog.now())) {
      audit.record(
          actor,
          AuditAction.TEMPLATE_ARCHIVED,
          AuditTarget.TEMPLATE,
          name,
          "Archived template '" + name + "'",
          null);
    }
  }

  public TemplateVersion latest(String name) {
    return latestOf(find(name));
  }

  public TemplateVersion version(String name, int number) {
    Template template = find(name);
    return templates
        .findVersion(template, number)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "Template '" + name + "' has no version " + number + "."));
  }

  public TemplateVersion versionById(UUID id) {
    return templates
        .findVersionById(id)
        .orElseThrow(() -> new ResourceNotFoundException("No template version " + id + "."));
  }

  /**
   * The version a render or preview should use, reported as a field error on {@code field} when the
   * template is unknown or archived.
   *
   * @param number a specific version, or null for the latest
   */
  // A refusal here is an answer about the input, not a failure: the caller's transaction (a
  // render-job plan that collects every field error) must be able to carry on.
  @Transactional(dontRollbackOn = InvalidInputException.class)
  public TemplateVersion renderable(String name, Integer number, String field) {
    Template template =
        templates
            .findByName(name)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        new FieldError(field, "no template named '" + name + "'")));
    if (template.getStatus() == TemplateStatus.ARCHIVED) {
      throw new InvalidInputException(new FieldError(field, "template '" + name + "' is archived"));
    }
    int wanted = number == null ? template.getLatestVersion() : number;
    return templates
        .findVersion(template, wanted)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    new FieldError(
                        number == null ? field : "version",
                        "template '" + name + "' has no version " + wanted)));
  }

  /** All ACTIVE templates at their latest versions, by name. */
  public List<TemplateVersion> activeLatest() {
    return templates.list(TemplateStatus.ACTIVE, null, Integer.MAX_VALUE).stream()
        .map(this::latestOf)
        .toList();
  }

  /** Latest versions of templates of this status, by name. */
  public Page<TemplateVersion> list(TemplateStatus status, String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    TemplateStatus wanted = status == null ? TemplateStatus.ACTIVE : status;
    String fingerprint = KeysetCursor.fingerprint("templates\u0001" + wanted);
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<Template> rows = templates.list(wanted, after == null ? null : after.sortKey(), size + 1);
    Page<Template> page =
        Page.fromOverfetch(
            rows,
            size,
            last -> new KeysetCursor(fingerprint, last.getName(), last.getId()).encode());
    return new Page<>(page.items().stream().map(this::latestOf).toList(), page.nextCursor());
  }

  /** The engine's spec for a stored version (its logos are read from the asset store). */
  public RenderSpec renderSpec(TemplateVersion version) {
    return new RenderSpecMapper(assets::bytes).toSpec(version.definition());
  }

  /** The definition's logos count as stored now (see {@link TemplateAssets#retain}). */
  private void retainLogos(TemplateDefinition definition) {
    for (TemplateDefinition.OverlayDefinition overlay : definition.overlays()) {
      if ("LOGO".equals(overlay.type())) {
        assets.retain(overlay.asset());
      }
    }
  }

  private TemplateDefinitionValidator validator() {
    return new TemplateDefinitionValidator(assets::isPng);
  }

  /** Field errors → 400; also lets the engine veto what the validator missed. */
  private void requireValid(List<FieldError> errors, TemplateDefinition definition) {
    if (errors.isEmpty()) {
      try {
        new RenderSpecMapper(assets::bytes).toSpec(definition);
      } catch (InvalidRenderSpecException | IllegalArgumentException e) {
        errors = List.of(new FieldError("definition", e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      String detail =
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid";
      throw new InvalidInputException(detail, errors);
    }
  }

  private Template find(String name) {
    return templates
        .findByName(name)
        .orElseThrow(() -> new ResourceNotFoundException("No template named '" + name + "'."));
  }

  private TemplateVersion latestOf(Template template) {
    return templates
        .findVersion(template, template.getLatestVersion())
        .orElseThrow(() -> new IllegalStateException("template without its latest version"));
  }
}
