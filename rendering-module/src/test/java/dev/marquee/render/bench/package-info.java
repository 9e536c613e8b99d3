/**
 * JMH benchmarks of the rendering engine, run by {@code benchmarks/render.sh} side by side with
 * libvips and ImageMagick doing the same work (docs/benchmarks.md). Not unit tests.
 */
package dev.marquee.render.bench;
