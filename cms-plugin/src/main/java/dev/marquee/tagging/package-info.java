/**
 * Engagement tags ({@code kind:value}, e.g. {@code CAST:Uma Thurman}) that artwork can emphasise:
 * the shared vocabulary, the links between entries and tags, and the services that curate both.
 */
package dev.marquee.tagging;
