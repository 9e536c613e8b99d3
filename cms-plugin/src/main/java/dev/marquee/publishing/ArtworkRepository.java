package dev.marquee.publishing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the versions of published artwork. */
public interface ArtworkRepository {
  /** The highest-numbered version of (entry, audience). */
  Optional<ArtworkVersion> current(UUID entryId, Audience audience);

  /** The current version of every audience of the entry that has one, {@code all} first. */
  List<ArtworkVersion> currentOfEntry(UUID entryId);

  Optional<ArtworkVersion> find(UUID entryId, Audience audience, int number);

  /** Versions of (entry, audience), newest first, below {@code beforeNumber} when given. */
  List<ArtworkVersion> history(UUID entryId, Audience audience, Integer beforeNumber, int limit);

  void add(ArtworkVersion version);

  boolean entryExists(UUID entryId);
}
