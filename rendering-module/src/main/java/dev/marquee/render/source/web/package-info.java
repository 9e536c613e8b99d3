/**
 * Source images over HTTP: streamed uploads (raw or multipart), metadata, original content and
 * deletion, and the problem answers for rejected images.
 */
package dev.marquee.render.source.web;
