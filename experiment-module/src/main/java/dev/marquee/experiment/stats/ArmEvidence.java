package dev.marquee.experiment.stats;

/**
 * What a decision rule looks at for one arm (pooled over audience groups).
 *
 * @param viewers exposed viewers (the trials of the primary metric)
 * @param conversions viewers who converted on the primary metric
 * @param sequentialPValue always-valid p-value against control (NaN for the control)
 * @param probabilityBest posterior P(this arm has the highest rate)
 * @param expectedLoss posterior E[max rate − this rate]
 * @param guardrailBreached whether its guardrail metric is significantly below control's
 */
public record ArmEvidence(
    String armId,
    boolean control,
    long viewers,
    long conversions,
    double sequentialPValue,
    double probabilityBest,
    double expectedLoss,
    boolean guardrailBreached) {

  public double rate() {
    return viewers == 0 ? 0 : (double) conversions / viewers;
  }
}
