/** The tag vocabulary over HTTP: the generated {@code TagsApi} on top of the vocabulary service. */
package dev.marquee.tagging.web;
