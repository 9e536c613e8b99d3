package dev.marquee.delivery.access;

import java.util.UUID;

/**
 * CDI event: something that authenticates, limits or CORS-checks delivery requests changed for this
 * app (settings, a key issued or revoked, the app deleted). Observed after commit by the caches.
 */
public record DeliveryAccessChanged(UUID appId) {}
