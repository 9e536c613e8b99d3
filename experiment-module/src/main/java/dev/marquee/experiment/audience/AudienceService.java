package dev.marquee.experiment.audience;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.audit.ChangeSet;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.experiment.audience.rules.AudienceResolver;
import dev.marquee.experiment.audience.rules.GroupRules;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Use cases on audience groups and resolving viewer contexts. Each public method is one transaction
 * and records an audit event for every change.
 */
@ApplicationScoped
@Transactional
public class AudienceService {
  private static final String LIST_FINGERPRINT = KeysetCursor.fingerprint("audience-groups");

  private AudienceGroupRepository groups;
  private AudienceDraftValidator validator;
  private AuditLog audit;
  private Instance<AudienceGroupUsage> usages;

  protected AudienceService() {}

  @Inject
  public AudienceService(
      AudienceGroupRepository groups,
      AudienceDraftValidator validator,
      AuditLog audit,
      Instance<AudienceGroupUsage> usages) {
    this.groups = groups;
    this.validator = validator;
    this.audit = audit;
    this.usages = usages;
  }

  /** Groups in resolution order, the default last. */
  public Page<AudienceGroup> list(String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    KeysetCursor after = KeysetCursor.decode(cursor, LIST_FINGERPRINT);
    List<AudienceGroup> rows = groups.list(after, size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(LIST_FINGERPRINT, Integer.toString(last.getPosition()), last.getId())
                .encode());
  }

  /** The version of the resolution order (the list's ETag). */
  public long orderVersion() {
    return groups.order().getVersion();
  }

  /**
   * @throws ResourceNotFoundException when there is no such group
   */
  public AudienceGroup get(UUID id) {
    return groups
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No audience group with id " + id));
  }

  /**
   * Creates a group just before the default group.
   *
   * @throws ResourceConflictException when the name is taken
   */
  public AudienceGroup create(AudienceDraft draft, String actor) {
    AudienceDraft valid = validator.validated(draft);
    requireFreeName(valid.name(), null);
    Instant now = AuditLog.now();
    AudienceGroup group = new AudienceGroup(valid, groups.maxPosition() + 1, actor, now);
    groups.add(group);
    groups.order().changed(now);
    audit.record(
        actor,
        AuditAction.AUDIENCE_GROUP_CREATED,
        AuditTarget.AUDIENCE_GROUP,
        group.getId().toString(),
        "Created audience group '" + group.getName() + "'",
        group.snapshot());
    groups.flush();
    return group;
  }

  /**
   * Replaces name, description and rules.
   *
   * @param expectedVersion the version the client read, or null for any
   */
  public AudienceGroup update(UUID id, Long expectedVersion, AudienceDraft draft, String actor) {
    AudienceGroup group = current(id, expectedVersion);
    AudienceDraft valid = validator.validated(draft);
    if (group.isDefault() && !valid.rules().isEmpty()) {
      throw new InvalidInputException(
          new FieldError("rules", "the default group matches everyone and has no rules"));
    }
    requireFreeName(valid.name(), id);
    Map<String, Object> before = group.snapshot();
    if (group.apply(valid, actor, AuditLog.now())) {
      audit.record(
          actor,
          AuditAction.AUDIENCE_GROUP_UPDATED,
          AuditTarget.AUDIENCE_GROUP,
          id.toString(),
          "Updated audience group '" + group.getName() + "'",
          ChangeSet.between(before, group.snapshot()));
      groups.flush();
    }
    return group;
  }

  /**
   * Deletes a group.
   *
   * @throws ResourceConflictException for the default group or a group experiments target
   */
  public void delete(UUID id, Long expectedVersion, String actor) {
    AudienceGroup group = current(id, expectedVersion);
    if (group.isDefault()) {
      throw new ResourceConflictException("The default audience group cannot be deleted");
    }
    for (AudienceGroupUsage usage : usages) {
      usage
          .describeUse(id)
          .ifPresent(
              use -> {
                throw new ResourceConflictException(
                    "Audience group '" + group.getName() + "' is in use: " + use);
              });
    }
    groups.remove(group);
    groups.order().changed(AuditLog.now());
    audit.record(
        actor,
        AuditAction.AUDIENCE_GROUP_DELETED,
        AuditTarget.AUDIENCE_GROUP,
        id.toString(),
        "Deleted audience group '" + group.getName() + "'",
        group.snapshot());
    groups.flush();
  }

  /**
   * Sets the resolution order.
   *
   * @param expectedOrderVersion the list ETag the client read, or null for any
   * @param groupIds every non-default group exactly once
   * @return all groups in the new order
   */
  public List<AudienceGroup> reorder(Long expectedOrderVersion, List<UUID> groupIds, String actor) {
    AudienceGroupOrder order = groups.order();
    if (expectedOrderVersion != null && order.getVersion() != expectedOrderVersion) {
      throw new StaleVersionException(
          "The audience group order is at version "
              + order.getVersion()
              + ", not "
              + expectedOrderVersion,
          order.getVersion());
    }
    List<AudienceGroup> all = groups.all();
    Map<UUID, AudienceGroup> movable = new HashMap<>();
    all.stream().filter(g -> !g.isDefault()).forEach(g -> movable.put(g.getId(), g));
    Set<UUID> seen = new LinkedHashSet<>(groupIds);
    if (seen.size() != groupIds.size() || !seen.equals(movable.keySet())) {
      Set<UUID> unknown = new HashSet<>(seen);
      unknown.removeAll(movable.keySet());
      throw new InvalidInputException(
          new FieldError(
              "groupIds",
              "must list every audience group except the default exactly once"
                  + (unknown.isEmpty() ? "" : "; not movable: " + unknown)));
    }
    List<String> before = all.stream().map(AudienceGroup::getName).toList();
    int position = 0;
    List<AudienceGroup> ordered = new ArrayList<>();
    for (UUID id : groupIds) {
      AudienceGroup group = movable.get(id);
      group.moveTo(position++);
      ordered.add(group);
    }
    all.stream().filter(AudienceGroup::isDefault).forEach(ordered::add);
    order.changed(AuditLog.now());
    audit.record(
        actor,
        AuditAction.AUDIENCE_GROUPS_REORDERED,
        AuditTarget.AUDIENCE_GROUP,
        "order",
        "Reordered audience groups",
        Map.of("before", before, "after", ordered.stream().map(AudienceGroup::getName).toList()));
    groups.flush();
    return ordered;
  }

  /** A resolver over the current groups (the feed may cache it by {@link #orderVersion}). */
  public AudienceResolver resolver() {
    List<GroupRules> ordered = new ArrayList<>();
    GroupRules fallback = null;
    for (AudienceGroup group : groups.all()) {
      if (group.isDefault()) {
        fallback = group.toGroupRules();
      } else {
        ordered.add(group.toGroupRules());
      }
    }
    return new AudienceResolver(ordered, fallback);
  }

  /** Normalises a viewer context into facts, deriving tag affinities from watched entries. */
  public ViewerFacts facts(ViewerContext context) {
    return ViewerFactsReader.read(context, watched -> groups.tagsOfEntries(watched).values(), "");
  }

  /** Resolves a viewer context and explains the outcome. */
  public ExplainedResolution explain(ViewerContext context) {
    ViewerFacts facts = facts(context);
    return new ExplainedResolution(facts, resolver().explain(facts));
  }

  private AudienceGroup current(UUID id, Long expectedVersion) {
    AudienceGroup group = get(id);
    if (expectedVersion != null && group.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Audience group "
              + id
              + " is at version "
              + group.getVersion()
              + ", not "
              + expectedVersion,
          group.getVersion());
    }
    return group;
  }

  private void requireFreeName(String name, UUID self) {
    groups
        .findByName(name)
        .filter(other -> !other.getId().equals(self))
        .ifPresent(
            other -> {
              throw new ResourceConflictException(
                  "An audience group named '"
                      + name
                      + "' already exists (id "
                      + other.getId()
                      + ")");
            });
  }
}
