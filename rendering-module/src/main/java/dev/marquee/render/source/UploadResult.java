package dev.marquee.render.source;

/**
 * The outcome of an upload: the image, and whether it is new or the entry already had the content.
 */
public record UploadResult(SourceImage image, boolean created) {}
