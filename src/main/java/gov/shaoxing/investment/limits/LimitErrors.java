package gov.shaoxing.investment.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

import org.springframework.graphql.execution.ErrorType;

/**
 * The errors this package answers with: a stable {@code extensions.code} and a message
 * naming limit and value.
 */
final class LimitErrors {

	static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";

	static final String QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY";

	static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";

	static final String QUERY_TOO_LARGE = "QUERY_TOO_LARGE";

	static final String QUERY_TIMEOUT = "QUERY_TIMEOUT";

	static final String INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";

	static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

	static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";

	static final String PERSISTED_QUERY_INVALID = "PERSISTED_QUERY_INVALID";

	static final String OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED";

	static final String RATE_LIMITED = "RATE_LIMITED";

	private LimitErrors() {
	}

	static GraphQLError badRequest(String code, String message) {
		return error(ErrorType.BAD_REQUEST, code, message, Map.of());
	}

	static GraphQLError error(ErrorClassification classification, String code, String message,
			Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		extensions.putAll(more);
		return GraphqlErrorBuilder.newError().errorType(classification).message(message).extensions(extensions).build();
	}

	/**
	 * Stops the request before anything runs; graphql-java answers with exactly these
	 * errors and no data.
	 */
	static AbortExecutionException abort(String code, String message) {
		return new AbortExecutionException(List.of(badRequest(code, message)));
	}

}
