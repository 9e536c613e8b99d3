/**
 * Tagged regions and region suggestions over HTTP: the generated {@code TaggedRegionsApi} and its
 * DTO mapping.
 */
package dev.marquee.render.region.web;
