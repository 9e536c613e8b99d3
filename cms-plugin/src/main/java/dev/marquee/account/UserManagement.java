package dev.marquee.account;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.audit.ChangeSet;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import dev.marquee.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Administrators' use cases on local accounts, and a user's own password change. Each public method
 * is one transaction and records an audit event for every change; no password, hash or salt ever
 * reaches the audit log, the log or an answer. Only in the embedded mode: with single sign-on the
 * identity provider owns users, and every method answers {@link ResourceConflictException}.
 */
@ApplicationScoped
@Transactional
public class UserManagement {
  private static final Logger LOG = Logger.getLogger(UserManagement.class.getName());
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  private LocalAccountRepository accounts;
  private LocalAccounts hashing;
  private AuditLog audit;
  private PasswordPolicy policy;
  private boolean singleSignOn;

  protected UserManagement() {}

  @Inject
  public UserManagement(
      LocalAccountRepository accounts,
      LocalAccounts hashing,
      AuditLog audit,
      @ConfigProperty(
              name = "marquee.auth.password-min-length",
              defaultValue = "" + PasswordPolicy.DEFAULT_MIN_LENGTH)
          int passwordMinLength,
      @ConfigProperty(name = "marquee.auth.method", defaultValue = "BASIC") String authMethod) {
    this.accounts = accounts;
    this.hashing = hashing;
    this.audit = audit;
    this.policy = new PasswordPolicy(passwordMinLength);
    this.singleSignOn = "OIDC".equalsIgnoreCase(authMethod.strip());
  }

  /** Accounts by user name, one page at a time. */
  public Page<LocalAccount> list(String cursor, Integer limit) {
    requireLocalAccounts();
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("users");
    List<LocalAccount> rows = accounts.list(KeysetCursor.decode(cursor, fingerprint), size + 1);
    return Page.fromOverfetch(
        rows, size, last -> new KeysetCursor(fingerprint, last.username(), last.id()).encode());
  }

  /**
   * @throws ResourceNotFoundException when there is no such account
   */
  public LocalAccount get(UUID id) {
    requireLocalAccounts();
    return find(id);
  }

  /**
   * Creates an enabled account.
   *
   * @throws InvalidInputException on a bad user name, an unknown role or a password the policy
   *     refuses
   * @throws ResourceConflictException when the user name is taken
   */
  public LocalAccount create(
      String username, String password, Collection<String> roles, String actor) {
    requireLocalAccounts();
    List<FieldError> errors = new java.util.ArrayList<>();
    if (username == null || !USERNAME.matcher(username).matches()) {
      errors.add(
          new FieldError("username", "must be 1..100 letters, digits or the characters . _ @ -"));
    }
    errors.addAll(unknownRoles(roles));
    policy.check("password", username, password).ifPresent(errors::add);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.size() + " fields are invalid", errors);
    }
    if (accounts.findByUsername(username).isPresent()) {
      throw new ResourceConflictException("A local account named '" + username + "' exists");
    }
    LocalAccount account =
        new LocalAccount(username, hashing.hash(password.toCharArray()), new TreeSet<>(roles));
    accounts.add(account);
    audit.record(
        actor,
        AuditAction.USER_CREATED,
        AuditTarget.USER,
        account.id().toString(),
        "Created local account '" + username + "'",
        snapshot(account));
    LOG.info(() -> actor + " created local account " + username);
    return account;
  }

  /**
   * Replaces the account's roles and enabled state.
   *
   * @param expectedVersion the version the client last read, or null for any
   * @throws ResourceConflictException when this would leave no enabled administrator
   * @throws StaleVersionException when the account has changed since
   */
  public LocalAccount update(
      UUID id, Long expectedVersion, Collection<String> roles, boolean enabled, String actor) {
    requireLocalAccounts();
    List<FieldError> errors = unknownRoles(roles);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.size() + " fields are invalid", errors);
    }
    accounts.lockEnabledHoldersOf(Roles.ADMIN);
    LocalAccount account = current(id, expectedVersion);
    if (account.isEnabledWith(Roles.ADMIN) && !(enabled && roles.contains(Roles.ADMIN))) {
      requireAnotherAdmin(account, enabled ? "remove its role " + Roles.ADMIN : "disable it");
    }
    Map<String, Object> before = snapshot(account);
    if (account.change(roles, enabled)) {
      accounts.flush(); // the answer's ETag must be the new version
      audit.record(
          actor,
          AuditAction.USER_UPDATED,
          AuditTarget.USER,
          id.toString(),
          "Updated local account '" + account.username() + "'",
          ChangeSet.between(before, snapshot(account)));
      LOG.info(() -> actor + " changed local account " + account.username());
    }
    return account;
  }

  /**
   * Deletes the account.
   *
   * @throws ResourceConflictException when it is the last enabled administrator
   */
  public void delete(UUID id, Long expectedVersion, String actor) {
    requireLocalAccounts();
    accounts.lockEnabledHoldersOf(Roles.ADMIN);
    LocalAccount account = current(id, expectedVersion);
    if (account.isEnabledWith(Roles.ADMIN)) {
      requireAnotherAdmin(account, "delete it");
    }
    Map<String, Object> snapshot = snapshot(account);
    accounts.remove(account);
    audit.record(
        actor,
        AuditAction.USER_DELETED,
        AuditTarget.USER,
        id.toString(),
        "Deleted local account '" + account.username() + "'",
        snapshot);
    LOG.info(() -> actor + " deleted local account " + account.username());
  }

  /** An administrator sets a new password (e.g. a forgotten one). */
  public void setPassword(UUID id, String password, String actor) {
    requireLocalAccounts();
    LocalAccount account = find(id);
    policy
        .check("password", account.username(), password)
        .ifPresent(
            e -> {
              throw new InvalidInputException(e);
            });
    account.changePasswordHash(hashing.hash(password.toCharArray()));
    audit.record(
        actor,
        AuditAction.USER_PASSWORD_SET,
        AuditTarget.USER,
        id.toString(),
        "Set the password of local account '" + account.username() + "'",
        Map.of("username", account.username()));
    LOG.info(() -> actor + " set the password of local account " + account.username());
  }

  /**
   * The signed-in user changes their own password.
   *
   * @throws InvalidInputException on {@code currentPassword} when it does not match, on {@code
   *     newPassword} when the policy refuses it
   */
  public void changeOwnPassword(String username, String currentPassword, String newPassword) {
    requireLocalAccounts();
    LocalAccount account =
        accounts
            .findByUsername(username)
            .orElseThrow(
                () ->
                    new ResourceConflictException(
                        "'"
                            + username
                            + "' is not a local account; its password is not kept here"));
    if (currentPassword == null
        || !PasswordHasher.matches(currentPassword.toCharArray(), account.passwordHash())) {
      throw new InvalidInputException(
          new FieldError("currentPassword", "is not your current password"));
    }
    policy
        .check("newPassword", username, newPassword)
        .ifPresent(
            e -> {
              throw new InvalidInputException(e);
            });
    if (newPassword.equals(currentPassword)) {
      throw new InvalidInputException(
          new FieldError("newPassword", "must differ from the current password"));
    }
    account.changePasswordHash(hashing.hash(newPassword.toCharArray()));
    audit.record(
        username,
        AuditAction.USER_PASSWORD_CHANGED,
        AuditTarget.USER,
        account.id().toString(),
        "'" + username + "' changed their password",
        Map.of("username", username));
    LOG.info(() -> username + " changed their password");
  }

  private void requireLocalAccounts() {
    if (singleSignOn) {
      throw new ResourceConflictException(
          "Users are managed in the identity provider (single sign-on); Marquee has no local"
              + " accounts in this mode.");
    }
  }

  private void requireAnotherAdmin(LocalAccount account, String change) {
    if (accounts.countEnabledHoldersOf(Roles.ADMIN, account.id()) == 0) {
      throw new ResourceConflictException(
          "'"
              + account.username()
              + "' is the last enabled account with "
              + Roles.ADMIN
              + "; give the role to another account before you "
              + change);
    }
  }

  private LocalAccount find(UUID id) {
    return accounts
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No local account with id " + id));
  }

  private LocalAccount current(UUID id, Long expectedVersion) {
    LocalAccount account = find(id);
    if (expectedVersion != null && account.version() != expectedVersion) {
      throw new StaleVersionException(
          "Local account "
              + id
              + " is at version "
              + account.version()
              + ", not "
              + expectedVersion,
          account.version());
    }
    return account;
  }

  private static List<FieldError> unknownRoles(Collection<String> roles) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (roles == null) {
      errors.add(new FieldError("roles", "must be given (may be empty)"));
      return errors;
    }
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        errors.add(new FieldError("roles", "must be among " + String.join(", ", Roles.ALL)));
        break;
      }
    }
    return errors;
  }

  private static Map<String, Object> snapshot(LocalAccount account) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("username", account.username());
    snapshot.put("roles", List.copyOf(new TreeSet<>(account.roles())));
    snapshot.put("enabled", account.enabled());
    return snapshot;
  }
}
