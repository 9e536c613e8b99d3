/**
 * Local accounts over HTTP: administrators manage users and roles, every local user changes their
 * own password.
 */
package dev.marquee.account.web;
