package dev.marquee.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.FieldError;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private final PasswordPolicy policy = new PasswordPolicy(12);

  @Test
  void acceptsALongEnoughPasswordThatIsNotTheUserName() {
    assertThat(policy.check("password", "erin", "correct-horse-battery")).isEmpty();
  }

  @Test
  void refusesShortEmptyAndMissingPasswords() {
    assertThat(policy.check("password", "erin", "short-1"))
        .map(FieldError::message)
        .contains("must be at least 12 characters");
    assertThat(policy.check("password", "erin", "")).isPresent();
    assertThat(policy.check("password", "erin", null)).isPresent();
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // 11 emoji are 22 UTF-16 units but 11 characters: too short
    assertThat(policy.check("password", "erin", "\uD83C\uDFAC".repeat(11))).isPresent();
  }

  @Test
  void refusesTheUserNameInAnyCase() {
    assertThat(policy.check("newPassword", "Erin.Long-Name", "erin.long-name"))
        .contains(new FieldError("newPassword", "must not be the user name"));
  }

  @Test
  void refusesWhatBcryptWouldTruncate() {
    assertThat(policy.check("password", "erin", "a".repeat(72))).isEmpty();
    assertThat(policy.check("password", "erin", "a".repeat(73))).isPresent();
    // 25 three-byte characters are 75 bytes
    assertThat(policy.check("password", "erin", "\u20AC".repeat(25))).isPresent();
  }

  @Test
  void messagesNeverRepeatThePassword() {
    String secret = "s3cr3t";
    assertThat(policy.check("password", "erin", secret).orElseThrow().message())
        .doesNotContain(secret);
  }

  @Test
  void minimumLengthMustBePossible() {
    assertThatThrownBy(() -> new PasswordPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PasswordPolicy(73)).isInstanceOf(IllegalArgumentException.class);
  }
}
