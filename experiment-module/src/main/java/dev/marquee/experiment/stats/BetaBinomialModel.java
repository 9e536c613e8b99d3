package dev.marquee.experiment.stats;

import java.util.List;

/**
 * Bayesian Beta-Binomial analysis of conversion rates with a uniform Beta(1, 1) prior per arm and
 * independent arms.
 */
public final class BetaBinomialModel {

  /**
   * Above this many terms the exact sum is replaced by quadrature: the sum costs one exp and one
   * log per term, the quadrature a fixed ~1,000 density evaluations.
   */
  static final int EXACT_SUM_LIMIT = 1_000;

  private BetaBinomialModel() {}

  /** P(p_treatment > p_control). Exact for small counts, quadrature (error ~1e-5) otherwise. */
  public static double probabilityBeats(BetaPosterior control, BetaPosterior treatment) {
    if (exactIsCheap(control, treatment)) {
      return exactProbabilityBeatsEitherWay(control, treatment);
    }
    return BetaQuadrature.integrate(new BetaPosterior[] {control, treatment})
        .probabilityBeatsControl()[1];
  }

  /** Whether the closed form needs at most {@link #EXACT_SUM_LIMIT} terms. */
  static boolean exactIsCheap(BetaPosterior control, BetaPosterior treatment) {
    return (isWholeNumber(treatment.alpha()) && treatment.alpha() <= EXACT_SUM_LIMIT)
        || (isWholeNumber(control.alpha()) && control.alpha() <= EXACT_SUM_LIMIT);
  }

  /** The closed form, summing over whichever arm has fewer terms. */
  static double exactProbabilityBeatsEitherWay(BetaPosterior control, BetaPosterior treatment) {
    boolean treatmentUsable = isWholeNumber(treatment.alpha());
    boolean controlUsable = isWholeNumber(control.alpha());
    if (treatmentUsable && (!controlUsable || treatment.alpha() <= control.alpha())) {
      return exactProbabilityBeats(control, treatment);
    }
    return 1 - exactProbabilityBeats(treatment, control); // ties have probability zero
  }

  /**
   * Evan Miller's closed form ("Formulas for Bayesian A/B Testing", 2015), valid for a whole-number
   * α_B:
   *
   * <pre>P(B > A) = Σ_{i=0}^{α_B−1} B(α_A+i, β_A+β_B) / ((β_B+i)·B(1+i, β_B)·B(α_A, β_A))</pre>
   *
   * Successive terms differ by the factor (α_A+i)/(α_A+β_A+β_B+i) · (β_B+i)/(β_B+i+1) ·
   * (1+i+β_B)/(1+i), so only the first term needs log-Beta functions; the sum is accumulated in log
   * space because terms underflow for large β.
   */
  public static double exactProbabilityBeats(BetaPosterior a, BetaPosterior b) {
    double aA = a.alpha();
    double bA = a.beta();
    double aB = b.alpha();
    double bB = b.beta();
    if (!isWholeNumber(aB)) {
      throw new IllegalArgumentException("the closed form needs a whole-number alpha for B");
    }
    double logTerm =
        SpecialFunctions.logBeta(aA, bA + bB)
            - Math.log(bB)
            - SpecialFunctions.logBeta(1, bB)
            - SpecialFunctions.logBeta(aA, bA);
    double logMax = logTerm;
    double scaledSum = 1; // Σ exp(logTerm_i − logMax)
    long terms = (long) aB;
    for (long i = 0; i + 1 < terms; i++) {
      double ratio =
          (aA + i) / (aA + bA + bB + i) * ((bB + i) / (bB + i + 1)) * ((1 + i + bB) / (1 + i));
      logTerm += Math.log(ratio);
      if (logTerm > logMax) {
        scaledSum = scaledSum * Math.exp(logMax - logTerm) + 1;
        logMax = logTerm;
      } else {
        scaledSum += Math.exp(logTerm - logMax);
      }
    }
    return Math.min(1, Math.max(0, Math.exp(logMax + Math.log(scaledSum))));
  }

  /**
   * P(best), expected loss and P(beats control) for every arm, arm 0 being the control. P(best) and
   * loss come from quadrature (see {@link BetaQuadrature}); P(beats control) uses the exact closed
   * form when it is cheap and the same quadrature otherwise.
   */
  public static BayesianArms compareArms(List<BetaPosterior> arms) {
    if (arms.isEmpty()) {
      return new BayesianArms(new double[0], new double[0], new double[0]);
    }
    BayesianArms result = BetaQuadrature.integrate(arms.toArray(BetaPosterior[]::new));
    double[] beats = result.probabilityBeatsControl();
    for (int j = 1; j < arms.size(); j++) {
      if (exactIsCheap(arms.get(0), arms.get(j))) {
        beats[j] = exactProbabilityBeatsEitherWay(arms.get(0), arms.get(j));
      }
    }
    return result;
  }

  private static boolean isWholeNumber(double x) {
    return x == Math.rint(x);
  }
}
