/**
 * Live updates: turning change events into a subscription's stream, one way for every
 * subscription, and closing a user's WebSocket connections when their token is revoked or
 * expires.
 */
package gov.shaoxing.investment.live;
