/**
 * HTTP interface of decisions: an experiment's decision rule, deciding, and the recorded decision.
 */
package dev.marquee.experiment.decision.web;
