/**
 * Templates and template assets over HTTP: the generated {@code TemplatesApi} and its DTO mapping.
 */
package dev.marquee.render.template.web;
