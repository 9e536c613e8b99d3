/**
 * Named feed rows: ordered lists of entries (the rows of a home screen) that apps ask the feed for
 * by name.
 */
package dev.marquee.experiment.feed.row;
