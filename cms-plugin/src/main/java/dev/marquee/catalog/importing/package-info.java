/**
 * Bulk import of catalog entries from JSON or CSV files: parsing, structural checks that reject a
 * whole file, per-row validation, and a fast upsert by external id.
 */
package dev.marquee.catalog.importing;
