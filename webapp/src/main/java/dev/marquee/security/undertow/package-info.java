/**
 * Undertow-specific hardening in front of the servlets: back-off after failed HTTP Basic sign-ins
 * (before the server checks the password) and the attributes of every cookie.
 */
package dev.marquee.security.undertow;
