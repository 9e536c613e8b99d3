package dev.marquee.account.web;

import dev.marquee.account.LocalAccount;
import dev.marquee.api.model.User;
import dev.marquee.api.model.UserRole;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Maps local accounts to the API's DTOs; there is no field a password could travel in. */
final class UserMapper {
  private static final Set<String> KNOWN =
      Set.copyOf(Arrays.stream(UserRole.values()).map(UserRole::toString).toList());

  private UserMapper() {}

  static User toDto(LocalAccount account) {
    return new User()
        .id(account.id())
        .username(account.username())
        .roles(
            account.roles().stream()
                .filter(KNOWN::contains) // roles set by hand in the database are not Marquee's
                .sorted()
                .map(UserRole::fromValue)
                .toList())
        .enabled(account.enabled())
        .version(account.version())
        .createdAt(account.createdAt().atOffset(ZoneOffset.UTC));
  }

  static List<String> roleNames(Collection<UserRole> roles) {
    return roles == null ? null : roles.stream().map(UserRole::toString).toList();
  }
}
