package gov.shaoxing.investment.common;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;

/**
 * Stable error codes clients can switch on; each maps to one GraphQL error
 * classification.
 */
public enum ErrorCode {

	INVALID_ARGUMENT(ErrorType.BAD_REQUEST), INVALID_ID(ErrorType.BAD_REQUEST), INVALID_CURSOR(ErrorType.BAD_REQUEST),
	PAGE_SIZE_OUT_OF_RANGE(ErrorType.BAD_REQUEST), INVALID_RADIUS(ErrorType.BAD_REQUEST),
	INVALID_PROJECT_CODE(ErrorType.BAD_REQUEST), INVALID_RANGE(ErrorType.BAD_REQUEST), NOT_FOUND(ErrorType.NOT_FOUND),
	UNAUTHENTICATED(ErrorType.UNAUTHORIZED), FORBIDDEN(ErrorType.FORBIDDEN),
	/**
	 * Too many failed sign-ins for a username or from an address; see retryAfterSeconds.
	 */
	TOO_MANY_SIGN_IN_ATTEMPTS(ErrorType.FORBIDDEN), STORE_UNAVAILABLE(ErrorType.INTERNAL_ERROR),
	INTERNAL(ErrorType.INTERNAL_ERROR);

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	public ErrorClassification classification() {
		return this.classification;
	}

}
