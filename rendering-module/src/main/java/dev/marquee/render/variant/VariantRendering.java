package dev.marquee.render.variant;

import dev.marquee.audit.AuditLog;
import dev.marquee.delivery.change.DeliveryChangeLog;
import dev.marquee.delivery.change.DeliverySegment;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.VariantRenderer;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageRepository;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.template.TemplateVersion;
import dev.marquee.webhook.WebhookEventType;
import dev.marquee.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders and stores one variant, each in its own transaction: the renditions go to the asset store
 * first (atomically, content-addressed), then the variant row is committed, so a crash leaves at
 * most unreferenced complete files, never a variant without its renditions.
 */
@ApplicationScoped
public class VariantRendering {
  private final VariantRenderer renderer =
      new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));

  @Inject VariantRepository variants;
  @Inject SourceImageRepository images;
  @Inject TemplateService templates;
  @Inject SourceBytes sourceBytes;
  @Inject AssetStore store;
  @Inject WebhookOutbox webhooks;
  @Inject DeliveryChangeLog deliveryChanges;

  /**
   * What to render.
   *
   * @param imageId the source image
   * @param tagId the tag whose region frames the crop, or null
   * @param region that region, or null (REGION templates fall back to the smart crop)
   * @param templateVersionId the template version
   */
  public record Request(UUID imageId, UUID tagId, NormalizedRect region, UUID templateVersionId) {}

  /** What {@link #render} did. */
  public enum Outcome {
    RENDERED,
    /** A variant with the same identity key existed. */
    SKIPPED
  }

  /** Renders the variant unless one with the same inputs exists. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Outcome render(Request request, UUID jobId) {
    SourceImage image = image(request.imageId());
    TemplateVersion version = templates.versionById(request.templateVersionId());
    VariantInputs inputs = inputs(image, request, version);
    if (variants.findByIdentityKey(inputs.identityKey()).isPresent()) {
      return Outcome.SKIPPED;
    }
    List<Rendition> renditions =
        renderer.render(
            sourceBytes.read(image),
            templates.renderSpec(version),
            request.region(),
            inputs.texts());
    List<StoredRendition> stored = new ArrayList<>();
    for (Rendition r : renditions) {
      try {
        store.put(new AssetKey(r.sha256()), new ByteArrayInputStream(r.bytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("storing a rendition failed: " + e.getMessage(), e);
      }
      stored.add(
          new StoredRendition(r.width(), r.height(), r.format(), r.sha256(), r.bytes().length));
    }
    Variant variant = new Variant(inputs, version, stored, jobId, AuditLog.now());
    variants.add(variant);
    webhooks.publish(WebhookEventType.VARIANT_RENDERED, announcement(variant));
    // variants are not audited (a job renders many), so the feed is told directly
    deliveryChanges.changed(EnumSet.of(DeliverySegment.VARIANTS));
    return Outcome.RENDERED;
  }

  /** The {@code variant.rendered} webhook's data: what was rendered and where to fetch it. */
  private static Map<String, Object> announcement(Variant variant) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("variantId", variant.getId().toString());
    data.put("entryId", variant.getEntryId().toString());
    data.put("sourceImageId", variant.getSourceImageId().toString());
    data.put("tagId", variant.getTagId() == null ? null : variant.getTagId().toString());
    data.put("template", variant.getTemplateVersion().getTemplate().getName());
    data.put("templateVersion", variant.getTemplateVersion().getNumber());
    data.put("jobId", variant.getJobId() == null ? null : variant.getJobId().toString());
    data.put(
        "renditions",
        variant.getRenditions().stream()
            .map(
                r ->
                    Map.of(
                        "width", r.getWidth(),
                        "height", r.getHeight(),
                        "contentHash", r.getContentHash(),
                        "url", r.url()))
            .toList());
    return data;
  }

  /** Whether the variant for these inputs exists (e.g. a concurrent job stored it first). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean exists(Request request) {
    SourceImage image = image(request.imageId());
    TemplateVersion version = templates.versionById(request.templateVersionId());
    return variants.findByIdentityKey(inputs(image, request, version).identityKey()).isPresent();
  }

  private SourceImage image(UUID id) {
    return images
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No source image " + id + "."));
  }

  private static VariantInputs inputs(SourceImage image, Request request, TemplateVersion version) {
    return new VariantInputs(
        image.getEntry().getId(),
        image.getId(),
        image.getContentKey().sha256Hex(),
        request.tagId(),
        request.region(),
        version.getTemplate().getName(),
        version.getNumber(),
        version.getDefinitionHash(),
        Map.of(EntryTexts.TITLE, image.getEntry().getTitle()));
  }
}
