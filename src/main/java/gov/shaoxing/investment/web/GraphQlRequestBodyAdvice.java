package gov.shaoxing.investment.web;

import java.util.Collections;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers an unreadable {@code POST} to the GraphQL endpoint (malformed JSON, no
 * {@code query} string) with a 400 and a GraphQL {@code errors} body instead of Boot's
 * generic error page, and never with the parser's message.
 */
@ControllerAdvice
class GraphQlRequestBodyAdvice {

	private final String graphQlPath;

	GraphQlRequestBodyAdvice(GraphQlProperties properties) {
		this.graphQlPath = properties.getHttp().getPath();
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, ServerWebInputException.class })
	ResponseEntity<Map<String, Object>> unreadableRequest(Exception ex, HttpServletRequest request) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!this.graphQlPath.equals(path)) {
			// not ours: rethrowing the same exception hands it on to Spring's default
			// resolvers, unlogged
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(ResponseMediaType.select(Collections.list(request.getHeaders(HttpHeaders.ACCEPT))))
			.body(RequestErrors.body(RequestErrors.INVALID_REQUEST_BODY,
					"The request body must be a JSON object with a 'query' string and optional "
							+ "'operationName', 'variables' and 'extensions'."));
	}

}
