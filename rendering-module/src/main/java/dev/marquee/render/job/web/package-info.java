/** Render jobs over HTTP: the generated {@code RenderJobsApi}, its DTOs and the 503 mapping. */
package dev.marquee.render.job.web;
