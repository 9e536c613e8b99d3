/**
 * The catalog's REST resources: thin implementations of the generated {@code EntriesApi} and {@code
 * EntryTagsApi} that map DTOs to the domain and back.
 */
package dev.marquee.catalog.web;
