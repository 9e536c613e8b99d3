/**
 * Render jobs: an entry's (image × tag region × template) variants planned, queued on a bounded
 * worker pool and rendered in the background, with progress persisted after every variant.
 */
package dev.marquee.render.job;
