package dev.marquee.render.source;

import java.awt.image.BufferedImage;

/**
 * CDI event fired inside the upload's transaction once a new source image is recorded, with an
 * upright sRGB preview (longest side at most {@link SourceImageService#PREVIEW_SIDE}) decoded once
 * for everyone who wants to analyse the pixels, e.g. region suggesters.
 */
public record SourceImageUploaded(SourceImage image, BufferedImage preview) {}
