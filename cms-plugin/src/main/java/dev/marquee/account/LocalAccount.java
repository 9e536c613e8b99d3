package dev.marquee.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A user of the embedded mode. The server's Elytron JDBC realm reads {@code password_hash} and the
 * role rows directly (see configure-server.cli), so the table layout is part of the contract.
 */
@Entity
@Table(name = "local_account")
public class LocalAccount {
  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 200)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "local_account_role", joinColumns = @JoinColumn(name = "account_id"))
  @Column(name = "role_name", length = 50)
  private Set<String> roles = new TreeSet<>();

  @Version private long version;

  protected LocalAccount() {}

  public LocalAccount(String username, String passwordHash, Collection<String> roles) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.passwordHash = passwordHash;
    this.enabled = true;
    this.createdAt = Instant.now();
    this.roles.addAll(roles);
  }

  public UUID id() {
    return id;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }

  public boolean enabled() {
    return enabled;
  }

  /** Whether the account is enabled and has this role. */
  public boolean isEnabledWith(String role) {
    return enabled && roles.contains(role);
  }

  /**
   * Replaces roles and enabled state.
   *
   * @return whether anything changed
   */
  public boolean change(Collection<String> newRoles, boolean newEnabled) {
    Set<String> wanted = new TreeSet<>(newRoles);
    boolean changed = !wanted.equals(roles) || newEnabled != enabled;
    if (changed) {
      roles.clear();
      roles.addAll(wanted);
      enabled = newEnabled;
    }
    return changed;
  }

  /** Replaces the password hash, e.g. when an operator sets a new admin password. */
  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }
}
