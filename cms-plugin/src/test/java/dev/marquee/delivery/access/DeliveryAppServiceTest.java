package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditQuery;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.Page;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Delivery apps and keys on H2 and PostgreSQL, with the key store the filters read. */
class DeliveryAppServiceTest {
  private final List<DeliveryAccessChanged> changes = new ArrayList<>();

  private record Wiring(TestServices s, DeliveryAppService apps, DeliveryKeyStore store) {}

  private Wiring wire(TestDatabase db) {
    TestServices s = new TestServices(db);
    JpaDeliveryAppRepository repository = new JpaDeliveryAppRepository(s.jpa.entityManager());
    return new Wiring(
        s,
        new DeliveryAppService(
            repository, s.audit, changes::add, new ApiKeyFormat(new SecureRandom())),
        new DeliveryKeyStore(repository));
  }

  private static DeliveryAppDraft draft(String name, List<String> origins, boolean enabled) {
    return new DeliveryAppDraft(name, null, origins, 10, 20, enabled);
  }

  @BothDatabases
  void appsAreCreatedListedByNameAndUpdatedWithVersions(TestDatabase db) {
    Wiring w = wire(db);
    for (String name : List.of("web", "TV", "mobile")) {
      w.s().tx(() -> w.apps().create(draft(name, List.of(), true), "admin"));
    }
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      String c = cursor;
      Page<DeliveryApp> page = w.s().tx(() -> w.apps().list(c, 2));
      page.items().forEach(a -> names.add(a.getName()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(names).containsExactly("TV", "mobile", "web");

    UUID id = w.s().tx(() -> w.apps().list(null, 1).items().get(0).getId());
    DeliveryApp same = w.s().tx(() -> w.apps().update(id, 0L, draft("TV", List.of(), true), "a"));
    assertThat(same.getVersion()).as("no-op update").isZero();
    DeliveryApp changed =
        w.s()
            .tx(
                () ->
                    w.apps()
                        .update(id, 0L, draft("TV", List.of("https://tv.example.com"), true), "a"));
    assertThat(changed.getVersion()).isEqualTo(1);
    assertThat(w.s().tx(() -> w.apps().get(id).getAllowedOrigins()))
        .containsExactly("https://tv.example.com");

    assertThatThrownBy(
            () -> w.s().tx(() -> w.apps().update(id, 0L, draft("TV2", List.of(), true), "a")))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () -> w.s().tx(() -> w.apps().update(id, 1L, draft("web", List.of(), true), "a")))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(changes).extracting(DeliveryAccessChanged::appId).contains(id);
  }

  @BothDatabases
  void keysAreStoredHashedFoundByIdTouchedRevokedAndDeletedWithTheirApp(TestDatabase db) {
    Wiring w = wire(db);
    UUID id =
        w.s()
            .tx(
                () ->
                    w.apps()
                        .create(draft("TV", List.of("https://tv.example.com"), true), "admin")
                        .getId());
    w.s().tx(() -> w.apps().create(draft("off", List.of("https://off.example.com"), false), "a"));
    IssuedKey first = w.s().tx(() -> w.apps().issueKey(id, "release 1", null, "admin"));
    IssuedKey second =
        w.s().tx(() -> w.apps().issueKey(id, null, Instant.now().plusSeconds(3600), "admin"));
    String keyId = first.stored().getKeyId();

    Optional<StoredKey> stored = w.s().tx(() -> w.store().load(keyId));
    assertThat(stored).isPresent();
    assertThat(stored.get().secretHash())
        .isNotEqualTo(first.plaintext())
        .isEqualTo(ApiKeyHash.of(first.plaintext()));
    assertThat(stored.get().appName()).isEqualTo("TV");
    assertThat(stored.get().allowedOrigins()).containsExactly("https://tv.example.com");
    assertThat(w.s().tx(() -> w.store().load("0000000000000000"))).isEmpty();
    assertThat(w.s().tx(() -> w.store().enabledOrigins()))
        .containsExactly("https://tv.example.com");

    Instant used = Instant.parse("2026-11-23T10:00:00Z");
    w.s().jpa.run(() -> w.store().touch(keyId, used));
    w.s().jpa.run(() -> w.store().touch(keyId, used.minusSeconds(60)));
    assertThat(w.s().tx(() -> w.apps().keys(id)))
        .filteredOn(k -> k.getKeyId().equals(keyId))
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.getLastUsedAt()).isEqualTo(used);
              assertThat(k.getVersion()).as("last use is not an edit").isZero();
            });

    w.s().tx(() -> w.apps().revokeKey(id, keyId, "admin"));
    assertThat(w.s().tx(() -> w.store().load(keyId)).orElseThrow().revoked()).isTrue();
    assertThat(w.s().tx(() -> w.apps().keys(id)))
        .extracting(DeliveryApiKey::getKeyId)
        .containsExactly(second.stored().getKeyId(), keyId);

    List<AuditEvent> audit =
        w.s()
            .tx(
                () ->
                    w.s()
                        .audit
                        .query(
                            AuditQuery.forTarget(AuditTarget.DELIVERY_APP, id.toString()), null, 50)
                        .items());
    assertThat(audit).hasSize(4);
    assertThat(audit.toString() + audit.stream().map(AuditEvent::getDetails).toList())
        .contains(first.stored().prefix())
        .doesNotContain(first.plaintext())
        .doesNotContain(second.plaintext());

    w.s()
        .tx(
            () -> {
              w.apps().delete(id, null, "admin");
              return null;
            });
    assertThat(w.s().tx(() -> w.store().load(second.stored().getKeyId()))).isEmpty();
  }

  @BothDatabases
  void anAppHasABoundedNumberOfActiveKeys(TestDatabase db) {
    Wiring w = wire(db);
    UUID id = w.s().tx(() -> w.apps().create(draft("TV", List.of(), true), "admin").getId());
    for (int i = 0; i < DeliveryAppService.MAX_ACTIVE_KEYS; i++) {
      w.s().tx(() -> w.apps().issueKey(id, null, null, "admin"));
    }
    assertThatThrownBy(() -> w.s().tx(() -> w.apps().issueKey(id, null, null, "admin")))
        .isInstanceOf(ResourceConflictException.class);
    String some = w.s().tx(() -> w.apps().keys(id).get(0).getKeyId());
    w.s().tx(() -> w.apps().revokeKey(id, some, "admin"));
    assertThat(w.s().tx(() -> w.apps().issueKey(id, null, null, "admin")).plaintext())
        .startsWith("mqk_");
  }
}
