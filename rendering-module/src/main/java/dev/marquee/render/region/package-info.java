/**
 * Tagged regions (a rectangle on a source image tied to one of the entry's engagement tags) and the
 * region suggestions detectors make on upload, which editors accept or reject.
 */
package dev.marquee.render.region;
