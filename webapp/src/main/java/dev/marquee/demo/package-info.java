/**
 * The demo data of the embedded mode: a catalog of public-domain titles loaded into an empty
 * database, so a newcomer sees the whole loop without preparing anything.
 */
package dev.marquee.demo;
