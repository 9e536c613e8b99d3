/**
 * Delivery apps (the front-end apps of the headless delivery API), their API keys and what guards
 * the delivery API with them: key verification with a short-lived cache, per-app rate limits, CORS.
 */
package dev.marquee.delivery.access;
