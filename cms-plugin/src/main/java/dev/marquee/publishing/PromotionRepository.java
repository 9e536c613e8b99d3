package dev.marquee.publishing;

import dev.marquee.paging.KeysetCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores promotions. */
public interface PromotionRepository {
  Optional<Promotion> find(UUID id);

  /**
   * At most {@code limit} promotions matching the filter, newest proposal first, after the cursor.
   */
  List<Promotion> list(PromotionFilter filter, KeysetCursor after, int limit);

  void add(Promotion promotion);

  /** Ids of APPROVED promotions whose publish time is at or before {@code now}, oldest first. */
  List<UUID> due(Instant now, int limit);

  /**
   * Claims a due promotion for publishing by a conditional update (still APPROVED and due): on two
   * nodes only one claim succeeds, the other waits for its commit and then matches no row.
   *
   * @return whether this transaction holds the claim
   */
  boolean claimDue(UUID id, Instant now);

  void flush();
}
