/**
 * The global holdout: the share of viewers never enrolled in any experiment, its setting, and the
 * lift of personalisation measured against them.
 */
package dev.marquee.experiment.holdout;
