/**
 * User management for the embedded issuer: admins create users, change their role and
 * scope, reset passwords and disable them. Sign-in itself, and the store it reads, belong
 * to the security package.
 */
package gov.shaoxing.investment.user;
