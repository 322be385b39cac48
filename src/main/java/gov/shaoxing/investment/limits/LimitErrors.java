package gov.shaoxing.investment.limits;

import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.LocalizedError;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;

/**
 * The errors this package answers with: a stable {@code extensions.code} and a message
 * naming limit and value, worded in the caller's language once the response is complete
 * ({@link LocalizedError}).
 */
final class LimitErrors {

	private LimitErrors() {
	}

	static GraphQLError error(ErrorCode code, Object... args) {
		return LocalizedError.of(code.message(args), Map.of());
	}

	static GraphQLError error(ErrorMessage message, Map<String, Object> more) {
		return LocalizedError.of(message, more);
	}

	/**
	 * Stops the request before anything runs; graphql-java answers with exactly these
	 * errors and no data.
	 */
	static AbortExecutionException abort(ErrorCode code, Object... args) {
		return new AbortExecutionException(List.of(error(code, args)));
	}

	static boolean hasCode(GraphQLError error, ErrorCode code) {
		return error.getExtensions() != null && code.name().equals(error.getExtensions().get("code"));
	}

}
