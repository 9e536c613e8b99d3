package dev.marquee.render.engine;

/** One encoded output image of a variant, content-addressed by its SHA-256. */
public record Rendition(int width, int height, ImageFormat format, byte[] bytes, String sha256) {}
