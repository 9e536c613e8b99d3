/**
 * Experiments and their lifecycle: arms, allocation periods, the DRAFT → RUNNING ⇄ PAUSED → STOPPED
 * state machine and the database slot that keeps one running experiment per entry and group.
 */
package dev.marquee.experiment.lifecycle;
