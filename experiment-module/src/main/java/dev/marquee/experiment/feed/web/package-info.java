/**
 * The feed over HTTP for front-end apps (the generated {@code DeliveryFeedApi}): request parsing,
 * the JSON answer, its ETag and caching headers.
 */
package dev.marquee.experiment.feed.web;
