/**
 * Host-CMS integration: the inbound webhook (Standard Webhooks signatures, replay protection) and
 * the {@link dev.marquee.integration.CatalogSource} SPI that maps a CMS's payloads to catalog
 * changes.
 */
package dev.marquee.integration;
