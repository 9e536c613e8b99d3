package dev.marquee.render.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;

/** One immutable version of a template: its definition (canonical JSON) and that JSON's hash. */
@Entity
@Table(name = "render_template_version")
public class TemplateVersion {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "template_id")
  private Template template;

  @Column(name = "version_number", nullable = false)
  private int number;

  @Column(nullable = false, length = 1_000_000)
  private String definition;

  @Column(name = "definition_hash", nullable = false, length = 64)
  private String definitionHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Transient private TemplateDefinition parsed;

  protected TemplateVersion() {}

  TemplateVersion(
      Template template, int number, TemplateDefinition definition, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.template = template;
    this.number = number;
    this.definition = TemplateDefinitionCodec.toJson(definition);
    this.definitionHash = TemplateDefinitionCodec.hash(definition);
    this.createdAt = now;
    this.createdBy = actor;
    this.parsed = definition;
  }

  public UUID getId() {
    return id;
  }

  public Template getTemplate() {
    return template;
  }

  public int getNumber() {
    return number;
  }

  public TemplateDefinition definition() {
    if (parsed == null) {
      parsed = TemplateDefinitionCodec.fromJson(definition);
    }
    return parsed;
  }

  public String getDefinitionHash() {
    return definitionHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
