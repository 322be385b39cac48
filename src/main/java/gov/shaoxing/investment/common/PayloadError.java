package gov.shaoxing.investment.common;

/**
 * An expected failure of a mutation, returned in its payload: which input field, a stable
 * code and a message.
 */
public record PayloadError(String field, String code, String message) {
}
