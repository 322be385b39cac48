package gov.shaoxing.investment.web;

import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;

/**
 * The members of a GraphQL-over-HTTP request as the spec types them: {@code query} a
 * string, {@code operationName} a string or null, {@code variables} and
 * {@code extensions} objects or null. A request of another shape is answered 400 before
 * it reaches the engine, which would otherwise fail on the cast.
 */
final class GraphQlRequestBody {

	private GraphQlRequestBody() {
	}

	/** What is wrong with the request's members, or {@code null} if nothing is. */
	static ErrorMessage problem(Map<?, ?> body) {
		Object query = body.get("query");
		if (query != null && !(query instanceof String)) {
			return ErrorMessage.detailed(ErrorCode.INVALID_REQUEST_BODY, "query");
		}
		Object operationName = body.get("operationName");
		if (operationName != null && !(operationName instanceof String)) {
			return ErrorMessage.detailed(ErrorCode.INVALID_REQUEST_BODY, "operationName");
		}
		for (String name : new String[] { "variables", "extensions" }) {
			Object value = body.get(name);
			if (value != null && !(value instanceof Map)) {
				return ErrorMessage.detailed(ErrorCode.INVALID_REQUEST_BODY, "object", name);
			}
		}
		return null;
	}

	static boolean persistedQueryOnly(Map<?, ?> body) {
		Object query = body.get("query");
		return (query == null || (query instanceof String text && text.isBlank()))
				&& body.get("extensions") instanceof Map<?, ?> extensions && extensions.containsKey("persistedQuery");
	}

}
