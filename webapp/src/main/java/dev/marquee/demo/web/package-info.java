/**
 * The demo page's configuration endpoint ({@code /demo/config.json}): whether the demo is ready,
 * its delivery key and its experiments; it exists only in demo mode.
 */
package dev.marquee.demo.web;
