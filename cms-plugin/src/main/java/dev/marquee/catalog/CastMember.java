package dev.marquee.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One credited person of an entry, with the character played and its narrative role. Immutable. */
@Embeddable
public class CastMember {
  @Column(name = "person", length = 200, nullable = false)
  private String person;

  @Column(name = "character_name", length = 200)
  private String character;

  @Column(name = "role", length = 50)
  private String role;

  protected CastMember() {}

  public CastMember(String person, String character, String role) {
    this.person = person;
    this.character = character;
    this.role = role;
  }

  public String person() {
    return person;
  }

  /** The character played, or null. */
  public String character() {
    return character;
  }

  /** The narrative role, e.g. hero, villain, supporting; or null. */
  public String role() {
    return role;
  }

  CastMember normalized() {
    return new CastMember(
        person == null ? null : person.trim(),
        blankToNull(character),
        role == null || role.isBlank() ? null : role.trim().toLowerCase(java.util.Locale.ROOT));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CastMember that
        && Objects.equals(person, that.person)
        && Objects.equals(character, that.character)
        && Objects.equals(role, that.role);
  }

  @Override
  public int hashCode() {
    return Objects.hash(person, character, role);
  }

  @Override
  public String toString() {
    return person
        + (character == null ? "" : " as " + character)
        + (role == null ? "" : " (" + role + ")");
  }
}
