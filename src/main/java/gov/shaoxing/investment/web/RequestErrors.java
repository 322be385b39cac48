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

	private RequestErrors() {
	}

	static Map<String, Object> body(String message) {
		return Map.of("errors", List
			.of(Map.of("message", message, "extensions", Map.of("classification", ErrorType.BAD_REQUEST.name()))));
	}

	static ServerResponse badRequest(MediaType contentType, String message) {
		return ServerResponse.status(HttpStatus.BAD_REQUEST).contentType(contentType).body(body(message));
	}

}
