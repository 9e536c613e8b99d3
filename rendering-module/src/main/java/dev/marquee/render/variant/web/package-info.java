/** Variants and previews over HTTP: the generated {@code VariantsApi} and its DTO mapping. */
package dev.marquee.render.variant.web;
