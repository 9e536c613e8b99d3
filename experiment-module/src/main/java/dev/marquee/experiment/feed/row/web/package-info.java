/** Feed rows over HTTP (the generated {@code FeedRowsApi}). */
package dev.marquee.experiment.feed.row.web;
