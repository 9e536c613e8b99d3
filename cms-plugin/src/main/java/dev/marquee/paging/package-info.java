/**
 * Keyset (cursor) pagination shared by every list in the plugin: the page record and the opaque,
 * tamper-evident cursor codec.
 */
package dev.marquee.paging;
