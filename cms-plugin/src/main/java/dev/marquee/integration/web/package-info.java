/** The inbound host-CMS webhook over HTTP, authenticated by its Standard Webhooks signature. */
package dev.marquee.integration.web;
