/** Bulk import over HTTP: JSON or CSV files upserted by external id, with a per-row report. */
package dev.marquee.catalog.importing.web;
