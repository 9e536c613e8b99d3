/**
 * The personalised delivery feed: an in-memory snapshot of what it serves (refreshed on change on
 * every node), the resolution chain with guardrails, and sticky enrolment.
 */
package dev.marquee.experiment.feed;
