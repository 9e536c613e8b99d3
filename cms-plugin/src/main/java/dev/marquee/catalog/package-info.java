/**
 * Catalog entries (movies, series, seasons, episodes) keyed by the host CMS's external id: the
 * entity, its validation rules, the repository and the application service that owns transactions.
 */
package dev.marquee.catalog;
