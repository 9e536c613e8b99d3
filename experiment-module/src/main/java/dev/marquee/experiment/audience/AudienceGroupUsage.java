package dev.marquee.experiment.audience;

import java.util.Optional;
import java.util.UUID;

/**
 * Something that refers to audience groups (e.g. experiments) and so may veto a group's deletion.
 */
public interface AudienceGroupUsage {
  /** A short description of what uses the group, or empty when nothing does. */
  Optional<String> describeUse(UUID groupId);
}
