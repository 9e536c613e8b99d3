/** Experiment results as API DTOs (undefined statistics such as NaN become absent fields). */
package dev.marquee.experiment.results.web;
