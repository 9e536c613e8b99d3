/**
 * Source images of catalog entries: validated before decoding, content-addressed, immutable. They
 * live in the rendering module rather than the CMS plugin because accepting one needs the engine.
 */
package dev.marquee.render.source;
