package gov.shaoxing.investment.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final ErrorRenderer errors;

	@Autowired
	GraphQlRequestBodyAdvice(GraphQlProperties properties, ErrorRenderer errors) {
		this.graphQlPath = properties.getHttp().getPath();
		this.errors = errors;
	}

	/** Without a renderer the body carries the code alone (unit tests). */
	GraphQlRequestBodyAdvice(GraphQlProperties properties) {
		this(properties, null);
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
			.body((this.errors != null)
					? this.errors.graphQlBody(ErrorCode.INVALID_REQUEST_BODY.message(),
							this.errors.messages().locale(request), Map.of())
					: Map.of("errors", List.of(Map.of("message", ErrorCode.INVALID_REQUEST_BODY.name()))));
	}

}
