package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryKeyVerifierTest {
  static final long SECOND = 1_000_000_000L;
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private final ApiKeyFormat format = new ApiKeyFormat(new SecureRandom());
  private final Map<String, StoredKey> stored = new HashMap<>();
  private final List<String> loads = new ArrayList<>();
  private final List<String> usages = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final UUID appId = UUID.randomUUID();

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger log = Logger.getLogger("dev.marquee.delivery.access");
  private Level previousLevel;

  @BeforeEach
  void captureLogs() {
    previousLevel = log.getLevel();
    log.setLevel(Level.ALL);
    log.addHandler(capture);
  }

  @AfterEach
  void restoreLogs() {
    log.removeHandler(capture);
    log.setLevel(previousLevel);
  }

  private DeliveryKeyVerifier verifier() {
    return new DeliveryKeyVerifier(
        id -> {
          loads.add(id);
          return Optional.ofNullable(stored.get(id));
        },
        (id, at) -> usages.add(id + "@" + at),
        Clock.offset(clock, Duration.ZERO),
        nanos::get,
        100,
        Duration.ofSeconds(30));
  }

  private PresentedKey store(boolean revoked, Instant expiresAt, boolean appEnabled) {
    PresentedKey key = format.generate();
    stored.put(
        key.keyId(),
        new StoredKey(
            key.keyId(),
            ApiKeyHash.of(key.value()),
            revoked,
            expiresAt,
            appId,
            "TV",
            appEnabled,
            Set.of("https://tv.example.com"),
            5,
            10));
    return key;
  }

  @Test
  void aValidKeyAuthenticatesItsApp() {
    PresentedKey key = store(false, null, true);

    Optional<AuthenticatedApp> app = verifier().verify(key.value());

    assertThat(app).isPresent();
    assertThat(app.get().appId()).isEqualTo(appId);
    assertThat(app.get().name()).isEqualTo("TV");
    assertThat(app.get().keyId()).isEqualTo(key.keyId());
    assertThat(app.get().allowsOrigin("https://tv.example.com")).isTrue();
    assertThat(app.get().allowsOrigin("https://evil.example.com")).isFalse();
    assertThat(app.get().requestsPerSecond()).isEqualTo(5);
  }

  @Test
  void everyKindOfBadKeyIsRejected() {
    DeliveryKeyVerifier verifier = verifier();
    PresentedKey good = store(false, null, true);
    String wrongSecret = good.value().substring(0, 21) + "A".repeat(43);

    assertThat(verifier.verify(null)).isEmpty();
    assertThat(verifier.verify("not a key")).isEmpty();
    assertThat(verifier.verify(wrongSecret)).as("wrong secret").isEmpty();
    assertThat(verifier.verify(format.generate().value())).as("unknown id").isEmpty();
    assertThat(verifier.verify(store(true, null, true).value())).as("revoked").isEmpty();
    assertThat(verifier.verify(store(false, T0, true).value())).as("expired now").isEmpty();
    assertThat(verifier.verify(store(false, T0.plusSeconds(1), true).value()))
        .as("expires later")
        .isPresent();
    assertThat(verifier.verify(store(false, null, false).value())).as("app disabled").isEmpty();
  }

  @Test
  void looksKeysUpOncePerTtlAndForgetsAnAppOnChange() {
    DeliveryKeyVerifier verifier = verifier();
    PresentedKey key = store(false, null, true);

    for (int i = 0; i < 100; i++) {
      assertThat(verifier.verify(key.value())).isPresent();
    }
    assertThat(loads).hasSize(1);

    nanos.addAndGet(30 * SECOND);
    verifier.verify(key.value());
    assertThat(loads).hasSize(2);

    // revoked in the database; this node drops the app's keys after the commit
    stored.put(key.keyId(), withRevoked(stored.get(key.keyId())));
    assertThat(verifier.verify(key.value())).as("still cached").isPresent();
    verifier.forget(new DeliveryAccessChanged(appId));
    assertThat(verifier.verify(key.value())).isEmpty();
  }

  @Test
  void recordsLastUseAtMostOnceAMinutePerKey() {
    DeliveryKeyVerifier verifier = verifier();
    PresentedKey a = store(false, null, true);
    PresentedKey b = store(false, null, true);

    verifier.verify(a.value());
    verifier.verify(a.value());
    verifier.verify(b.value());
    nanos.addAndGet(59 * SECOND);
    verifier.verify(a.value());
    assertThat(usages).containsExactly(a.keyId() + "@" + T0, b.keyId() + "@" + T0);

    nanos.addAndGet(SECOND);
    verifier.verify(a.value());
    assertThat(usages).hasSize(3);
    verifier.verify(format.generate().value());
    assertThat(usages).as("failed attempts are not uses").hasSize(3);
  }

  @Test
  void logsNameKeysByPrefixAndNeverContainTheKey() {
    DeliveryKeyVerifier verifier = verifier();
    PresentedKey key = store(false, null, true);
    String secret = key.value().substring(ApiKeyFormat.PREFIX.length() + 17);
    String wrong = key.value().substring(0, 21) + "B".repeat(43);

    verifier.verify(key.value());
    verifier.verify(wrong);
    verifier.verify("ApiKey " + key.value() + "x");
    stored.put(key.keyId(), withRevoked(stored.get(key.keyId())));
    verifier.forget(new DeliveryAccessChanged(appId));
    verifier.verify(key.value());

    List<String> lines =
        logged.stream()
            .map(
                r ->
                    r.getMessage()
                        + " "
                        + (r.getParameters() == null ? "" : List.of(r.getParameters())))
            .toList();
    assertThat(lines).as("the failures were logged").hasSizeGreaterThanOrEqualTo(3);
    assertThat(lines).anyMatch(l -> l.contains(key.prefix()) && l.contains("wrong secret"));
    assertThat(lines).anyMatch(l -> l.contains(key.prefix()) && l.contains("revoked"));
    assertThat(String.join("\n", lines))
        .doesNotContain(key.value())
        .doesNotContain(secret)
        .doesNotContain(wrong.substring(21));
  }

  private static StoredKey withRevoked(StoredKey k) {
    return new StoredKey(
        k.keyId(),
        k.secretHash(),
        true,
        k.expiresAt(),
        k.appId(),
        k.appName(),
        k.appEnabled(),
        k.allowedOrigins(),
        k.requestsPerSecond(),
        k.burst());
  }
}
