/**
 * Single sign-on: configures WildFly's OpenID Connect client (elytron-oidc-client) from Marquee's
 * environment variables, with a browser session for /admin and bearer tokens for everything else.
 */
package dev.marquee.security.oidc;
