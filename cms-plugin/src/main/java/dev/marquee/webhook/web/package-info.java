/** HTTP interface of outbound webhooks: subscriptions, test events and the delivery log. */
package dev.marquee.webhook.web;
