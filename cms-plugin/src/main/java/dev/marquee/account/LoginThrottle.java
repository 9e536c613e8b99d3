package dev.marquee.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Back-off after failed sign-ins with a password: after {@code accountFailures} consecutive
 * failures for one user name, or {@code addressFailures} for one client address, further attempts
 * are refused before the password is checked, for {@code firstLockout} and then twice as long after
 * each further failure, at most {@code maxLockout}. A success resets the user name's and the
 * address's counters; counters left alone for {@code maxLockout} after their lockout ended are
 * forgotten.
 *
 * <p>User names need not exist: unknown ones are counted and refused alike, so the answers say
 * nothing about which accounts exist. To keep the account lockout from being a lever to lock an
 * administrator out for good, it does not apply to the few addresses that recently signed in to
 * that account successfully; those are held back by their own address counter only.
 *
 * <p>In memory and per server node; bounded in size (least recently used entries go first).
 * Thread-safe.
 */
public final class LoginThrottle {
  /** Addresses remembered per account as having signed in successfully. */
  static final int TRUSTED_ADDRESSES_PER_ACCOUNT = 8;

  /** The configuration. */
  public record Settings(
      int accountFailures,
      int addressFailures,
      Duration firstLockout,
      Duration maxLockout,
      int maxEntries) {
    public Settings {
      if (accountFailures < 1 || addressFailures < 1) {
        throw new IllegalArgumentException("failure thresholds must be at least 1");
      }
      if (firstLockout.isNegative()
          || firstLockout.isZero()
          || maxLockout.compareTo(firstLockout) < 0) {
        throw new IllegalArgumentException("lockouts must be positive and first <= max");
      }
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1");
      }
    }
  }

  private final Settings settings;
  private final Map<String, Counter> accounts;
  private final Map<String, Counter> addresses;
  private final Map<String, Set<String>> trusted;

  public LoginThrottle(Settings settings) {
    this.settings = settings;
    this.accounts = lru(settings.maxEntries());
    this.addresses = lru(settings.maxEntries());
    this.trusted = lru(settings.maxEntries());
  }

  public Settings settings() {
    return settings;
  }

  /**
   * How long an attempt for {@code username} from {@code address} must still wait, or empty when it
   * may go ahead and have its password checked.
   */
  public synchronized Optional<Duration> refusal(String username, String address, Instant now) {
    Duration wait = remaining(addresses, address, now);
    Set<String> known = trusted.get(username);
    if (known == null || !known.contains(address)) {
      Duration accountWait = remaining(accounts, username, now);
      wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Counts a wrong password (or unknown or disabled user). */
  public synchronized void failed(String username, String address, Instant now) {
    count(accounts, username, settings.accountFailures(), now);
    count(addresses, address, settings.addressFailures(), now);
  }

  /** A successful sign-in: resets both counters and remembers the address for the account. */
  public synchronized void succeeded(String username, String address) {
    accounts.remove(username);
    addresses.remove(address);
    Set<String> known = trusted.computeIfAbsent(username, u -> new LinkedHashSet<>());
    known.remove(address);
    known.add(address);
    if (known.size() > TRUSTED_ADDRESSES_PER_ACCOUNT) {
      known.remove(known.iterator().next());
    }
  }

  private Duration remaining(Map<String, Counter> counters, String key, Instant now) {
    Counter counter = counters.get(key);
    if (counter == null || counter.lockedUntil == null || !now.isBefore(counter.lockedUntil)) {
      return Duration.ZERO;
    }
    return Duration.between(now, counter.lockedUntil);
  }

  private void count(Map<String, Counter> counters, String key, int threshold, Instant now) {
    Counter counter = counters.get(key);
    if (counter == null || counter.isStale(now, settings.maxLockout())) {
      counter = new Counter();
      counters.put(key, counter);
    }
    counter.failures++;
    counter.lastFailure = now;
    if (counter.failures >= threshold) {
      counter.lockedUntil = now.plus(lockout(counter.failures - threshold));
    }
  }

  /** firstLockout × 2^n, at most maxLockout. */
  Duration lockout(int beyondThreshold) {
    Duration lockout = settings.firstLockout();
    for (int i = 0; i < beyondThreshold && lockout.compareTo(settings.maxLockout()) < 0; i++) {
      lockout = lockout.multipliedBy(2);
    }
    return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
  }

  private static <V> Map<String, V> lru(int maxEntries) {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxEntries;
      }
    };
  }

  private static final class Counter {
    int failures;
    Instant lockedUntil;
    Instant lastFailure;

    boolean isStale(Instant now, Duration quiet) {
      Instant since = lockedUntil != null ? lockedUntil : lastFailure;
      return since != null && now.isAfter(since.plus(quiet));
    }
  }
}
