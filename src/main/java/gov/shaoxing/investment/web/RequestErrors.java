package gov.shaoxing.investment.web;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL-shaped bodies for HTTP requests turned away before any GraphQL runs, so clients
 * read one error format and never an exception message.
 */
final class RequestErrors {

	/** The body is not a JSON object with the GraphQL request's members. */
	static final String INVALID_REQUEST_BODY = "INVALID_REQUEST_BODY";

	/** The {@code Content-Type} is missing or not one the endpoint reads. */
	static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

	/** The query string is not valid URL encoding, or lacks or repeats a parameter. */
	static final String INVALID_QUERY_STRING = "INVALID_QUERY_STRING";

	/**
	 * The HTTP request itself is malformed (reported by the server, not the endpoint).
	 */
	static final String BAD_HTTP_REQUEST = "BAD_HTTP_REQUEST";

	private RequestErrors() {
	}

	static Map<String, Object> body(String code, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions",
				Map.of("code", code, "classification", ErrorType.BAD_REQUEST.name()))));
	}

	static ServerResponse badRequest(MediaType contentType, String code, String message) {
		return status(HttpStatus.BAD_REQUEST, contentType, code, message);
	}

	static ServerResponse status(HttpStatus status, MediaType contentType, String code, String message) {
		return ServerResponse.status(status).contentType(contentType).body(body(code, message));
	}

}
