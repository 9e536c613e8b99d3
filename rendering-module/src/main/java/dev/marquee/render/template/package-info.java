/**
 * Templates: named, versioned rendering recipes stored as JSON definitions, validated and mapped to
 * the engine's {@link dev.marquee.render.engine.RenderSpec}; and the PNG logos they reference.
 */
package dev.marquee.render.template;
