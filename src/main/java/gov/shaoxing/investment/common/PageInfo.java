package gov.shaoxing.investment.common;

/** Relay page information. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
