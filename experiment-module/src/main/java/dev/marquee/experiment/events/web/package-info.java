/**
 * Event-related HTTP operations for administrators: erasing a viewer's data. (The delivery endpoint
 * for events comes with per-app API keys.)
 */
package dev.marquee.experiment.events.web;
