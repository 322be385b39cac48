package gov.shaoxing.investment.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link ErrorMessage} as a GraphQL error or an HTTP JSON body, worded in the
 * caller's language: the one way to show an error outside {@link GraphQlErrorResolver}
 * (field refusals, instrumentation, servlet filters, MVC handlers).
 */
@Component
public class ErrorRenderer {

	private final Messages messages;

	private final JsonMapper json;

	ErrorRenderer(Messages messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public Messages messages() {
		return this.messages;
	}

	/** A GraphQL error at the field being fetched, in the operation's language. */
	public GraphQLError fieldError(DataFetchingEnvironment env, ErrorMessage message) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(message.code().classification())
			.message(this.messages.get(message, env.getLocale()))
			.extensions(Map.of("code", message.code().name()))
			.build();
	}

	/** A null field with one error, for fields the caller may not see. */
	public DataFetcherResult<Object> refusal(DataFetchingEnvironment env, ErrorMessage message) {
		return DataFetcherResult.newResult().error(fieldError(env, message)).build();
	}

	/** A request-level GraphQL error (no path), with more extensions after the code. */
	public GraphQLError requestError(ErrorMessage message, Locale locale, Map<String, Object> more) {
		return GraphqlErrorBuilder.newError()
			.errorType(message.code().classification())
			.message(this.messages.get(message, locale))
			.extensions(extensions(message, more))
			.build();
	}

	/**
	 * A GraphQL-shaped body for requests refused before any GraphQL runs:
	 * {@code {"errors":[{"message", "extensions":{"code","classification",…}}]}}.
	 */
	public Map<String, Object> graphQlBody(ErrorMessage message, Locale locale, Map<String, Object> more) {
		Map<String, Object> extensions = extensions(message, more);
		extensions.put("classification", message.code().classification().toString());
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", this.messages.get(message, locale));
		error.put("extensions", extensions);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("errors", List.of(error));
		return body;
	}

	/** The plain {@code {"code", "message"}} body of non-GraphQL endpoints (photos). */
	public Map<String, Object> plainBody(ErrorMessage message, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", message.code().name());
		body.put("message", this.messages.get(message, locale));
		return body;
	}

	/** Writes a JSON body from a servlet filter or handler, in the request's language. */
	public void write(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> body)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Language", this.messages.locale(request).toLanguageTag());
		response.getWriter().write(this.json.writeValueAsString(body));
	}

	private static Map<String, Object> extensions(ErrorMessage message, Map<String, Object> more) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", message.code().name());
		extensions.putAll(more);
		return extensions;
	}

}
