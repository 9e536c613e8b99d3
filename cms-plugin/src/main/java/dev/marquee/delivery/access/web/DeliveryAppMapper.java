package dev.marquee.delivery.access.web;

import dev.marquee.api.model.DeliveryApiKeyStatus;
import dev.marquee.api.model.DeliveryAppWrite;
import dev.marquee.api.model.IssuedDeliveryApiKey;
import dev.marquee.api.model.RateLimit;
import dev.marquee.delivery.access.DeliveryApiKey;
import dev.marquee.delivery.access.DeliveryApp;
import dev.marquee.delivery.access.DeliveryAppDraft;
import dev.marquee.delivery.access.IssuedKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps delivery apps and keys between the API's DTOs and the domain. */
final class DeliveryAppMapper {
  private DeliveryAppMapper() {}

  static DeliveryAppDraft toDraft(DeliveryAppWrite body) {
    RateLimit limit = body.getRateLimit();
    return new DeliveryAppDraft(
        body.getName(),
        body.getDescription(),
        body.getAllowedOrigins(),
        limit == null ? null : limit.getRequestsPerSecond(),
        limit == null ? null : limit.getBurst(),
        body.getEnabled());
  }

  static dev.marquee.api.model.DeliveryApp toDto(DeliveryApp app) {
    return new dev.marquee.api.model.DeliveryApp()
        .id(app.getId())
        .name(app.getName())
        .description(app.getDescription())
        .allowedOrigins(app.getAllowedOrigins())
        .rateLimit(
            new RateLimit().requestsPerSecond(app.getRequestsPerSecond()).burst(app.getBurst()))
        .enabled(app.isEnabled())
        .version(app.getVersion())
        .createdAt(time(app.getCreatedAt()))
        .createdBy(app.getCreatedBy())
        .updatedAt(time(app.getUpdatedAt()))
        .updatedBy(app.getUpdatedBy());
  }

  static dev.marquee.api.model.DeliveryApiKey toDto(DeliveryApiKey key, Instant now) {
    return new dev.marquee.api.model.DeliveryApiKey()
        .keyId(key.getKeyId())
        .prefix(key.prefix())
        .appId(key.getAppId())
        .label(key.getLabel())
        .status(status(key, now))
        .createdAt(time(key.getCreatedAt()))
        .createdBy(key.getCreatedBy())
        .expiresAt(time(key.getExpiresAt()))
        .revokedAt(time(key.getRevokedAt()))
        .revokedBy(key.getRevokedBy())
        .lastUsedAt(time(key.getLastUsedAt()));
  }

  static IssuedDeliveryApiKey toDto(IssuedKey issued, Instant now) {
    DeliveryApiKey key = issued.stored();
    return new IssuedDeliveryApiKey()
        .key(issued.plaintext())
        .keyId(key.getKeyId())
        .prefix(key.prefix())
        .appId(key.getAppId())
        .label(key.getLabel())
        .status(status(key, now))
        .createdAt(time(key.getCreatedAt()))
        .createdBy(key.getCreatedBy())
        .expiresAt(time(key.getExpiresAt()));
  }

  private static DeliveryApiKeyStatus status(DeliveryApiKey key, Instant now) {
    if (key.getRevokedAt() != null) {
      return DeliveryApiKeyStatus.REVOKED;
    }
    return key.isActiveAt(now) ? DeliveryApiKeyStatus.ACTIVE : DeliveryApiKeyStatus.EXPIRED;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
