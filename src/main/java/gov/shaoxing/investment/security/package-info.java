/**
 * Sign-in and roles: the embedded token issuer or an OIDC provider, the caller of each
 * request, the role table's write rules, the {@code @signedIn} directive for anonymous
 * readers and contact privacy.
 */
package gov.shaoxing.investment.security;
