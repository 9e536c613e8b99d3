package dev.marquee.experiment.audience.rules;

import java.util.UUID;

/**
 * One rule tried while resolving a viewer.
 *
 * @param reason {@link AudienceRule#MATCHED} or the first condition that failed
 */
public record RuleCheck(
    UUID groupId, String groupName, int ruleIndex, boolean matched, String reason) {}
