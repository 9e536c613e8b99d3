/**
 * Orphaned-asset collection: blobs in the asset store that no source image, rendition or template
 * refers to any more are deleted on a schedule, after a grace period, once per round across nodes.
 */
package dev.marquee.render.collection;
