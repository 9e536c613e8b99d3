package dev.marquee.account;

import dev.marquee.paging.KeysetCursor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores local accounts. */
public interface LocalAccountRepository {
  Optional<LocalAccount> find(UUID id);

  Optional<LocalAccount> findByUsername(String username);

  void add(LocalAccount account);

  void remove(LocalAccount account);

  /** Accounts ordered by user name then id, after the cursor's position; at most {@code limit}. */
  List<LocalAccount> list(KeysetCursor after, int limit);

  /**
   * Locks the rows of every enabled account with this role until the transaction ends, so that two
   * concurrent changes cannot both take away the role's last holder. Call before reading accounts.
   */
  void lockEnabledHoldersOf(String role);

  /** How many enabled accounts other than {@code except} have this role, read afresh. */
  long countEnabledHoldersOf(String role, UUID except);

  /**
   * Writes pending changes now, so that an updated account's version is the one to be committed.
   */
  void flush();
}
