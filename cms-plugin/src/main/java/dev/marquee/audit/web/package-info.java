/** The audit log over HTTP: who changed what and when, filtered and cursor-paginated. */
package dev.marquee.audit.web;
