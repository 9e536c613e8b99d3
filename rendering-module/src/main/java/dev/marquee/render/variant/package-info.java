/**
 * Variants: the immutable renderings of (source image, tag region, template version), their
 * renditions in the asset store, the idempotency key that keeps anything from rendering twice, and
 * on-the-fly previews.
 */
package dev.marquee.render.variant;
