package dev.marquee.render.job;

import java.util.UUID;

/**
 * One planned variant of a job, pinned to a template version at submission so that a template
 * edited mid-job does not change what the job renders.
 *
 * @param imageId source image
 * @param tagId tag whose region frames the crop, or null
 * @param region the region as {@code [x, y, width, height]}, or null
 * @param templateVersionId the template version
 * @param templateName its template's name (for failure reports)
 * @param templateVersion its number (for failure reports)
 */
public record JobItem(
    UUID imageId,
    UUID tagId,
    double[] region,
    UUID templateVersionId,
    String templateName,
    int templateVersion) {}
