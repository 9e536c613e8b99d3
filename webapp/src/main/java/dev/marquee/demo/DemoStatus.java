package dev.marquee.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** What the demo's configuration endpoint shows: the progress, and the experiments once ready. */
@ApplicationScoped
public class DemoStatus {
  @Inject DemoProgress progress;
  @Inject DemoSetup setup;
  @Inject DemoExperiments experiments;

  public DemoProgress.Snapshot snapshot() {
    return progress.snapshot();
  }

  /** The demo experiments with their arms, states and winners, as JSON-ready maps. */
  public List<Map<String, Object>> experiments() {
    return experiments.describe(setup.plan());
  }
}
