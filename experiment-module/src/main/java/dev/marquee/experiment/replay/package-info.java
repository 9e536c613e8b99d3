/**
 * Offline replay: estimates what another allocation policy would have earned on logged events from
 * the probability each logged arm was chosen with (inverse-propensity scoring). Pure Java.
 */
package dev.marquee.experiment.replay;
