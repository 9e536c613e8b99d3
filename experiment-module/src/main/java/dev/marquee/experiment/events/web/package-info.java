/**
 * Event-related HTTP operations: ingestion for front-end apps under the delivery API (per-app key)
 * and erasing a viewer's data for administrators.
 */
package dev.marquee.experiment.events.web;
