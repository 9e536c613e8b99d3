/**
 * Audience groups over HTTP: the generated {@code AudienceGroupsApi} and the mapping between its
 * DTOs and the domain.
 */
package dev.marquee.experiment.audience.web;
