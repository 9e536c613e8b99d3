/**
 * Failures the domain reports to its callers, independent of HTTP. The web layer maps each one to
 * an RFC 9457 problem; the import and webhook paths report them per row or per delivery.
 */
package dev.marquee.errors;
