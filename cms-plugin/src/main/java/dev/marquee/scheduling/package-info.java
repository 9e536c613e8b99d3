/**
 * Background work every node runs on a fixed delay (scheduled publishing, decisions, bandit
 * re-allocation): the schedule and one round over the items that are due.
 */
package dev.marquee.scheduling;
