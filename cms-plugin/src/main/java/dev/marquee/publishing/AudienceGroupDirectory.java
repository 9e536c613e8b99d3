package dev.marquee.publishing;

import java.util.UUID;

/**
 * Extension point implemented by the module that owns audience groups (experiments), so publishing
 * can check a group id without depending on it.
 */
public interface AudienceGroupDirectory {
  boolean exists(UUID audienceGroupId);
}
