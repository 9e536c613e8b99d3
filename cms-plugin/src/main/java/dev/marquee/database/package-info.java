/**
 * The database lifecycle: Flyway migrations at start-up (never Hibernate's schema generation) and
 * the readiness check operators and load balancers poll.
 */
package dev.marquee.database;
