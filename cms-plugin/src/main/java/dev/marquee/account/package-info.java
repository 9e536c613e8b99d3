/**
 * Local accounts for the embedded mode: users, their roles and Elytron-hashed passwords, read by
 * the server's Elytron JDBC realm. Production deployments use Keycloak instead.
 */
package dev.marquee.account;
