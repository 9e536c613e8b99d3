/** The global holdout over HTTP: read and change the held-out share. */
package dev.marquee.experiment.holdout.web;
