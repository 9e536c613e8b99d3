package dev.marquee.experiment.feed;

/** One rendition: where it is delivered ({@code /assets/<hash>.<ext>}) and its size. */
public record FeedRendition(String path, int width, int height, String format) {}
