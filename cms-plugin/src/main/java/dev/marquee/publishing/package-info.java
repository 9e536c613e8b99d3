/**
 * Publishing: promotions of a variant to the artwork of (entry, audience) through propose, approve
 * (four eyes) and publish, scheduled publishing, and the versioned, reversible artwork history.
 */
package dev.marquee.publishing;
