package gov.shaoxing.investment.common;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;

/**
 * Every stable error code clients can switch on, in GraphQL errors
 * ({@code extensions.code}), payload {@code errors} and HTTP JSON refusals alike. Each
 * has a GraphQL classification and a message in every language under {@code error.<CODE>}
 * in {@code messages*.properties}; the code never changes with the language.
 */
public enum ErrorCode {

	// arguments and ids
	INVALID_ARGUMENT(ErrorType.BAD_REQUEST), INVALID_ID(ErrorType.BAD_REQUEST), INVALID_CURSOR(ErrorType.BAD_REQUEST),
	PAGE_SIZE_OUT_OF_RANGE(ErrorType.BAD_REQUEST), INVALID_RADIUS(ErrorType.BAD_REQUEST),
	INVALID_PROJECT_CODE(ErrorType.BAD_REQUEST), INVALID_RANGE(ErrorType.BAD_REQUEST),
	UNKNOWN_DISTRICT(ErrorType.BAD_REQUEST), UNKNOWN_DEPARTMENT(ErrorType.BAD_REQUEST), NOT_FOUND(ErrorType.NOT_FOUND),

	// sign-in and roles
	UNAUTHENTICATED(ErrorType.UNAUTHORIZED), FORBIDDEN(ErrorType.FORBIDDEN), SIGN_IN_REQUIRED(ErrorType.UNAUTHORIZED),
	CONTACT_DETAILS_REQUIRE_SIGN_IN(ErrorType.UNAUTHORIZED), INVALID_TOKEN(ErrorType.UNAUTHORIZED),

	// the request as a whole
	GRAPHQL_PARSE_FAILED(ErrorType.BAD_REQUEST), GRAPHQL_VALIDATION_FAILED(ErrorType.BAD_REQUEST),
	SUBSCRIPTION_NEEDS_STREAM(ErrorType.BAD_REQUEST), REQUEST_REJECTED(ErrorType.BAD_REQUEST),
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST), QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST),
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST), QUERY_TOO_LARGE(ErrorType.BAD_REQUEST),
	QUERY_TIMEOUT(ErrorType.BAD_REQUEST), INTROSPECTION_DISABLED(ErrorType.FORBIDDEN),
	PERSISTED_QUERY_NOT_FOUND(ErrorType.BAD_REQUEST), PERSISTED_QUERY_HASH_MISMATCH(ErrorType.BAD_REQUEST),
	PERSISTED_QUERY_INVALID(ErrorType.BAD_REQUEST), OPERATION_NOT_ALLOWED(ErrorType.FORBIDDEN),
	RATE_LIMITED(ErrorType.BAD_REQUEST),

	// photos (HTTP)
	PHOTO_MISSING(ErrorType.BAD_REQUEST), PHOTO_TOO_LARGE(ErrorType.BAD_REQUEST),
	UNSUPPORTED_PHOTO_TYPE(ErrorType.BAD_REQUEST), PHOTO_NOT_FOUND(ErrorType.NOT_FOUND),
	MALFORMED_UPLOAD(ErrorType.BAD_REQUEST),

	// mutation payloads: expected failures on one input field
	REQUIRED(ErrorType.BAD_REQUEST), TOO_LONG(ErrorType.BAD_REQUEST), TOO_MANY(ErrorType.BAD_REQUEST),
	INVALID_TEXT(ErrorType.BAD_REQUEST), CONFLICTING_INPUT(ErrorType.BAD_REQUEST),
	NOTHING_TO_CHANGE(ErrorType.BAD_REQUEST), REVISION_CONFLICT(ErrorType.BAD_REQUEST), NEGATIVE(ErrorType.BAD_REQUEST),
	NOT_POSITIVE(ErrorType.BAD_REQUEST), OUT_OF_RANGE(ErrorType.BAD_REQUEST), NOT_A_COUNT(ErrorType.BAD_REQUEST),
	TOO_PRECISE(ErrorType.BAD_REQUEST), VALUE_OUT_OF_RANGE(ErrorType.BAD_REQUEST),
	IDEMPOTENCY_KEY_REUSED(ErrorType.BAD_REQUEST), INVALID_IDEMPOTENCY_KEY(ErrorType.BAD_REQUEST),
	UNKNOWN_PROJECT(ErrorType.BAD_REQUEST), UNKNOWN_PHOTO(ErrorType.BAD_REQUEST),
	UNKNOWN_MILESTONE(ErrorType.BAD_REQUEST), DATE_IN_FUTURE(ErrorType.BAD_REQUEST),
	INVALID_POSITION(ErrorType.BAD_REQUEST), DEADLINE_BEFORE_DATE(ErrorType.BAD_REQUEST),
	DEADLINE_NOT_IN_FUTURE(ErrorType.BAD_REQUEST), INVALID_TRANSITION(ErrorType.BAD_REQUEST),
	NEGATIVE_INVESTMENT(ErrorType.BAD_REQUEST), INVESTMENT_TOO_LARGE(ErrorType.BAD_REQUEST),
	PERCENT_OUT_OF_RANGE(ErrorType.BAD_REQUEST), INVALID_PERIOD(ErrorType.BAD_REQUEST),
	PERIOD_OUTSIDE_PLAN_YEAR(ErrorType.BAD_REQUEST), PERIOD_IN_FUTURE(ErrorType.BAD_REQUEST),
	STRETCH_BELOW_GUARANTEED(ErrorType.BAD_REQUEST), EXCEEDS_TOTAL(ErrorType.BAD_REQUEST),
	INVALID_NATIONAL_CODE(ErrorType.BAD_REQUEST), NATIONAL_CODE_TAKEN(ErrorType.BAD_REQUEST),
	INVALID_LOCATION(ErrorType.BAD_REQUEST), INDICATOR_COMPUTED_FROM_PROJECTS(ErrorType.BAD_REQUEST),
	INVALID_USERNAME(ErrorType.BAD_REQUEST), USERNAME_TAKEN(ErrorType.BAD_REQUEST),
	CONFIGURED_USER(ErrorType.BAD_REQUEST), CANNOT_DISABLE_SELF(ErrorType.BAD_REQUEST),
	PASSWORD_TOO_SHORT(ErrorType.BAD_REQUEST),

	// the service's own trouble
	STORE_UNAVAILABLE(ErrorType.INTERNAL_ERROR), INTERNAL(ErrorType.INTERNAL_ERROR);

	private final ErrorClassification classification;

	ErrorCode(ErrorClassification classification) {
		this.classification = classification;
	}

	public ErrorClassification classification() {
		return this.classification;
	}

	/** The message of this code and its arguments. */
	public ErrorMessage message(Object... args) {
		return ErrorMessage.of(this, args);
	}

}
