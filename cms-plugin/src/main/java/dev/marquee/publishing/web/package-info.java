/** HTTP interface of publishing: promotions and their transitions, an entry's artwork history. */
package dev.marquee.publishing.web;
