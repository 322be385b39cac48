package gov.shaoxing.investment.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StreamUtils;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL-over-HTTP {@code POST}, in place of Spring's handler so that every request gets
 * a GraphQL-shaped answer: a body of {@code application/json} (or
 * {@code application/graphql}, the document itself) runs through the same
 * {@link WebGraphQlHandler}; any other content type or none is a 415, and a body that is
 * not a JSON object with a string {@code query} (for example {@code null}, or a number as
 * {@code query}) a 400, each with a code, never a 500.
 */
final class GraphQlPostHandler {

	private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql");

	private final GraphQlGetHandler executor;

	private final JsonMapper json;

	private final ErrorRenderer errors;

	GraphQlPostHandler(GraphQlGetHandler executor, JsonMapper json, ErrorRenderer errors) {
		this.errors = errors;
		this.executor = executor;
		this.json = json;
	}

	ServerResponse handle(ServerRequest request) throws IOException {
		MediaType responseType = ResponseMediaType.select(request.headers().header(HttpHeaders.ACCEPT),
				MediaType.APPLICATION_JSON);
		Locale locale = this.errors.messages().locale(request.servletRequest());
		MediaType contentType = contentType(request.headers().firstHeader(HttpHeaders.CONTENT_TYPE));
		if (contentType == null) {
			return RequestErrors.status(this.errors, locale, HttpStatus.UNSUPPORTED_MEDIA_TYPE, responseType,
					ErrorCode.UNSUPPORTED_MEDIA_TYPE.message());
		}
		Map<String, Object> body;
		try (InputStream in = request.servletRequest().getInputStream()) {
			if (GRAPHQL.equalsTypeAndSubtype(contentType)) {
				body = new LinkedHashMap<>();
				body.put("query", StreamUtils.copyToString(in, StandardCharsets.UTF_8));
			}
			else {
				body = object(in);
			}
		}
		if (body == null) {
			return RequestErrors.badRequest(this.errors, locale, responseType,
					ErrorCode.INVALID_REQUEST_BODY.message());
		}
		ErrorMessage problem = GraphQlRequestBody.problem(body);
		if (problem != null) {
			return RequestErrors.badRequest(this.errors, locale, responseType, problem);
		}
		if (GraphQlRequestBody.persistedQueryOnly(body)) {
			// an automatic persisted query sent by its hash alone: the limits package's
			// document provider looks it up
			body.put("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		}
		Object query = body.get("query");
		if (!(query instanceof String text) || text.isBlank()) {
			return RequestErrors.badRequest(this.errors, locale, responseType,
					ErrorMessage.detailed(ErrorCode.INVALID_REQUEST_BODY, "noQuery"));
		}
		return this.executor.execute(request, body, responseType, false);
	}

	/**
	 * The JSON object read, or {@code null} for anything else (null, a list, bad JSON).
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> object(InputStream in) {
		try {
			Object value = this.json.readValue(in, Object.class);
			return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The request's content type when the endpoint reads it: JSON (any {@code +json}) in
	 * UTF-8, or {@code application/graphql}; otherwise {@code null}.
	 */
	static MediaType contentType(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(header);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			return null;
		}
		boolean json = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
				|| ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
		if (!json && !GRAPHQL.equalsTypeAndSubtype(type)) {
			return null;
		}
		String charset = type.getParameter("charset");
		if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
			return null;
		}
		return type;
	}

}
