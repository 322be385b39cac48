/**
 * Protection of the GraphQL endpoint from expensive or hostile requests: query depth,
 * cost, aliases and size limits, an execution timeout, an introspection switch, Apollo
 * automatic persisted queries with an optional allow-list, and per-client rate limiting.
 */
package gov.shaoxing.investment.limits;
