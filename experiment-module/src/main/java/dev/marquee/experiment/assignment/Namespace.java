package dev.marquee.experiment.assignment;

import java.util.Objects;

/**
 * A GrowthBook namespace slice: experiments in the same namespace with disjoint [start, end) slices
 * never share a viewer.
 */
public record Namespace(String id, double start, double end) {
  public Namespace {
    Objects.requireNonNull(id, "id");
  }
}
