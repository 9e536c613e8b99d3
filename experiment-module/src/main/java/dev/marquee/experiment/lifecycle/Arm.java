package dev.marquee.experiment.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One arm of an experiment: a rendered variant with its traffic weight. */
@Embeddable
public class Arm {
  @Column(name = "arm_id", nullable = false)
  private UUID id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "variant_id", nullable = false)
  private UUID variantId;

  @Column(nullable = false)
  private boolean control;

  @Column(nullable = false)
  private double weight;

  protected Arm() {}

  Arm(UUID id, ArmDraft draft) {
    this.id = id;
    this.name = draft.name();
    this.variantId = draft.variantId();
    this.control = draft.control();
    this.weight = draft.weight();
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public UUID getVariantId() {
    return variantId;
  }

  public boolean isControl() {
    return control;
  }

  public double getWeight() {
    return weight;
  }
}
