/**
 * Outbound webhooks: subscriptions, the transactional outbox that other features publish to, and
 * the dispatcher that signs (Standard Webhooks) and delivers with retries, back-off and dead
 * letters.
 */
package dev.marquee.webhook;
