package gov.shaoxing.investment.common;

/** A Relay edge: one node and the cursor just after it. */
public record Edge<T>(String cursor, T node) {
}
