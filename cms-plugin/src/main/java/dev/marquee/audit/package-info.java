/**
 * The audit log: who changed what and when, written in the same transaction as each change and
 * queried newest first with keyset pagination.
 */
package dev.marquee.audit;
