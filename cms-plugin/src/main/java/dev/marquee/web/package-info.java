/**
 * Marquee's shared HTTP conventions: RFC 9457 problem responses, request body limits, strict UTF-8,
 * ETag/If-Match handling, cursor links and security headers. Every module's resources rely on them.
 */
package dev.marquee.web;
