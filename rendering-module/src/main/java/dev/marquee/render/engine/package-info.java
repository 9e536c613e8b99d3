/**
 * The pure rendering engine: probes, decodes, crops, resizes, overlays and encodes images. No
 * Jakarta EE types here (enforced by an ArchUnit test), so it is unit-tested in milliseconds.
 *
 * <p>Entry points: {@link dev.marquee.render.engine.SourceImageInspector} to accept or reject an
 * upload from its header, {@link dev.marquee.render.engine.VariantRenderer} to render a variant.
 */
package dev.marquee.render.engine;
