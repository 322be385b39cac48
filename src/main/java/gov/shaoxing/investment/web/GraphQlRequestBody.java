package gov.shaoxing.investment.web;

import java.util.Map;

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
	static String problem(Map<?, ?> body) {
		Object query = body.get("query");
		if (query != null && !(query instanceof String)) {
			return "'query' must be a string holding a GraphQL document.";
		}
		Object operationName = body.get("operationName");
		if (operationName != null && !(operationName instanceof String)) {
			return "'operationName' must be a string naming an operation of the document, or null.";
		}
		for (String name : new String[] { "variables", "extensions" }) {
			Object value = body.get(name);
			if (value != null && !(value instanceof Map)) {
				return "'" + name + "' must be a JSON object, or null.";
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
