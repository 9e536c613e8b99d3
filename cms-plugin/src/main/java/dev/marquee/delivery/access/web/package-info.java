/**
 * Delivery apps and keys over HTTP for administrators, and the JAX-RS filters that authenticate,
 * rate-limit and CORS-check every request under {@code /api/v1/delivery}.
 */
package dev.marquee.delivery.access.web;
