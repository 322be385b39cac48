package gov.shaoxing.investment.web;

import java.util.Locale;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL-shaped bodies for HTTP requests turned away before any GraphQL runs, so clients
 * read one error format, worded in their language, and never an exception message.
 */
final class RequestErrors {

	private RequestErrors() {
	}

	static ServerResponse badRequest(ErrorRenderer errors, Locale locale, MediaType contentType, ErrorMessage message) {
		return status(errors, locale, HttpStatus.BAD_REQUEST, contentType, message);
	}

	static ServerResponse status(ErrorRenderer errors, Locale locale, HttpStatus status, MediaType contentType,
			ErrorMessage message) {
		return ServerResponse.status(status)
			.contentType(contentType)
			.header("Content-Language", locale.toLanguageTag())
			.body(errors.graphQlBody(message, locale, Map.of()));
	}

}
