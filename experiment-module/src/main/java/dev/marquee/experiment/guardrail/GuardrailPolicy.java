package dev.marquee.experiment.guardrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import dev.marquee.experiment.guardrail.rules.MaturityFlag;
import dev.marquee.experiment.guardrail.rules.RegionRule;
import dev.marquee.tagging.TagRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/** The one row holding the guardrail policy, a JSON document replaced as a whole. */
@Entity
@Table(name = "guardrail_policy")
public class GuardrailPolicy {
  static final int ID = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Id private int id;

  @Column(nullable = false, length = 1_000_000)
  private String document;

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected GuardrailPolicy() {}

  void replace(GuardrailPolicyDraft draft, String actor, Instant now) {
    this.document = write(draft);
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /** The policy as written. */
  public GuardrailPolicyDraft draft() {
    try {
      return JSON.readValue(document, GuardrailPolicyDraft.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored guardrail policy is not readable", e);
    }
  }

  /** The policy compiled for the feed (the draft was validated when it was stored). */
  public GuardrailRules rules() {
    return compile(draft());
  }

  static GuardrailRules compile(GuardrailPolicyDraft d) {
    List<MaturityFlag> flags =
        d.maturityFlags().stream()
            .map(
                f ->
                    new MaturityFlag(
                        f.tag() == null ? null : tagKey(f.tag()),
                        f.template(),
                        new HashSet<>(f.blockedFor())))
            .toList();
    List<RegionRule> regions =
        d.regionRules().stream()
            .map(
                r ->
                    new RegionRule(
                        new HashSet<>(r.countries()),
                        new HashSet<>(r.regions()),
                        r.variantId(),
                        r.cast()))
            .toList();
    return new GuardrailRules(flags, d.kidsAgeLimit(), d.teenAgeLimit(), regions);
  }

  /** {@code KIND:value} as the feed keys tags. */
  static String tagKey(String tag) {
    TagRef ref = TagRef.parse(tag, "tag");
    return ViewerFacts.tagKey(ref.kind().name(), ref.value());
  }

  private static String write(GuardrailPolicyDraft draft) {
    try {
      return JSON.writeValueAsString(draft);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a guardrail policy is always serialisable", e);
    }
  }

  public long getVersion() {
    return version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
