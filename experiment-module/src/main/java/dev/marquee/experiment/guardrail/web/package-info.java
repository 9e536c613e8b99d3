/** The guardrail policy and block counts over HTTP (the generated {@code GuardrailsApi}). */
package dev.marquee.experiment.guardrail.web;
