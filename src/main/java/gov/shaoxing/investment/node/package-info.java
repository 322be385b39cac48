/**
 * Relay node(id) resolution across features.
 */
package gov.shaoxing.investment.node;
