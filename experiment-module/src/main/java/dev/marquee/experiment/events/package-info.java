/**
 * Event ingestion: idempotent batches of impression, click and play events, validated and
 * aggregated into exact per-arm counts (distinct viewers and delta-method sums) in one transaction
 * of a few set-based statements.
 */
package dev.marquee.experiment.events;
