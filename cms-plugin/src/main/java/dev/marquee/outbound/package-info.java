/**
 * Outbound HTTP to user-configured URLs (webhooks, image import): destination policy against SSRF,
 * time and size limits, checked redirects, on plain {@code java.net.http}.
 */
package dev.marquee.outbound;
