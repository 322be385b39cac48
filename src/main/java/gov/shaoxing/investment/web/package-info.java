/**
 * The HTTP face of the GraphQL endpoint beyond Spring Boot's defaults: GraphQL-over-HTTP
 * {@code GET}, an offline GraphiQL page served from WebJars, and GraphQL-shaped errors
 * for unreadable request bodies.
 */
package gov.shaoxing.investment.web;
