/**
 * Change notification for the delivery feed's caches: which parts of the published state changed,
 * recorded in the changing transaction and polled by every node.
 */
package dev.marquee.delivery.change;
