/**
 * The data store: a real MongoDB from MONGODB_URI or the embedded mongo-java-server;
 * indexes and health.
 */
package gov.shaoxing.investment.store;
