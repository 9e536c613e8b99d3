package dev.marquee.render.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** An item of a job that could not be rendered, and why. */
@Embeddable
public class RenderFailure {
  static final int MAX_REASON = 1000;

  @Column(name = "source_image_id", nullable = false)
  private UUID imageId;

  @Column(name = "tag_id")
  private UUID tagId;

  @Column(name = "template_name", nullable = false, length = 100)
  private String templateName;

  @Column(name = "template_version", nullable = false)
  private int templateVersion;

  @Column(nullable = false, length = MAX_REASON)
  private String reason;

  protected RenderFailure() {}

  public RenderFailure(JobItem item, String reason) {
    this.imageId = item.imageId();
    this.tagId = item.tagId();
    this.templateName = item.templateName();
    this.templateVersion = item.templateVersion();
    String text = reason == null || reason.isBlank() ? "unknown error" : reason;
    this.reason = text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
  }

  public UUID getImageId() {
    return imageId;
  }

  public UUID getTagId() {
    return tagId;
  }

  public String getTemplateName() {
    return templateName;
  }

  public int getTemplateVersion() {
    return templateVersion;
  }

  public String getReason() {
    return reason;
  }
}
