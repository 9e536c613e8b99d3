/**
 * Public delivery of renditions at {@code /assets/{sha256}.{ext}}: immutable, CDN-cacheable, served
 * straight from the asset store without touching the database on the hot path.
 */
package dev.marquee.render.delivery;
