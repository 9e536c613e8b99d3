/**
 * Experiments over HTTP: the generated {@code ExperimentsApi} (CRUD, lifecycle actions, assignment
 * preview) and its DTO mapping.
 */
package dev.marquee.experiment.lifecycle.web;
