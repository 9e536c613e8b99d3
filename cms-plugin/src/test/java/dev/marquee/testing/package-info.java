/**
 * Test harness: H2 and a real embedded PostgreSQL with the production Flyway migrations, Hibernate
 * bootstrapped without a container, and the application services wired by hand.
 */
package dev.marquee.testing;
