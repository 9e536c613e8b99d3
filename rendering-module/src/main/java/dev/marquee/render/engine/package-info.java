/**
 * The pure rendering engine: crops, resizes, overlays and encodes images. No Jakarta EE types here,
 * so it is unit-tested and benchmarked in milliseconds; CDI and JAX-RS code wraps it.
 */
package dev.marquee.render.engine;
