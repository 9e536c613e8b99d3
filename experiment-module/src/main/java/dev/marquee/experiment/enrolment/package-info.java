/**
 * Enrolling viewers in experiments: sticky assignments through the pure GrowthBook assigner,
 * pseudonymous viewer keys (HMAC of the viewer id) and exposure records.
 */
package dev.marquee.experiment.enrolment;
