/**
 * Domain events: writers record them in the {@code events} collection (an outbox) and
 * every instance's change feed delivers them to its subscriptions and read models, by
 * change stream or, where the store has none, by polling.
 */
package gov.shaoxing.investment.event;
