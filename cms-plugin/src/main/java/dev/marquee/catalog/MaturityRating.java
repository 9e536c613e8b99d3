package dev.marquee.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A maturity rating in one rating scheme, e.g. MPAA PG-13 or FSK 16. Immutable.
 *
 * <p>{@code minimumAge} makes ratings of different schemes comparable for audience rules.
 */
@Embeddable
public class MaturityRating {
  @Column(name = "maturity_scheme", length = 32)
  private String scheme;

  @Column(name = "maturity_value", length = 32)
  private String value;

  @Column(name = "maturity_minimum_age")
  private Integer minimumAge;

  protected MaturityRating() {}

  public MaturityRating(String scheme, String value, Integer minimumAge) {
    this.scheme = scheme;
    this.value = value;
    this.minimumAge = minimumAge;
  }

  /** The scheme, e.g. MPAA, TV, BBFC, FSK; stored upper-case. */
  public String scheme() {
    return scheme;
  }

  /** The rating within the scheme, e.g. PG-13 or TV-MA. */
  public String value() {
    return value;
  }

  /** The youngest age the rating admits (0..21), or null when unknown. */
  public Integer minimumAge() {
    return minimumAge;
  }

  MaturityRating normalized() {
    return new MaturityRating(
        scheme == null ? null : scheme.trim().toUpperCase(java.util.Locale.ROOT),
        value == null ? null : value.trim(),
        minimumAge);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaturityRating that
        && Objects.equals(scheme, that.scheme)
        && Objects.equals(value, that.value)
        && Objects.equals(minimumAge, that.minimumAge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, value, minimumAge);
  }

  @Override
  public String toString() {
    return scheme + " " + value + (minimumAge == null ? "" : " (" + minimumAge + "+)");
  }
}
