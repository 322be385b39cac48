package gov.shaoxing.investment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import gov.shaoxing.investment.common.ErrorRenderer;
import graphql.GraphQLException;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import graphql.parser.Parser;
import jakarta.servlet.http.Cookie;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphQL-over-HTTP {@code GET}: a read-only operation taken from query parameters and
 * run through the same {@link WebGraphQlHandler} as {@code POST}, so interceptors,
 * security and instrumentation apply alike.
 *
 * <p>
 * Spring for GraphQL only accepts {@code POST}; {@code GET} lets browsers and CDNs cache
 * queries and lets a person try a query from the address bar.
 */
final class GraphQlGetHandler {

	/**
	 * GraphQL context key marking an operation sent by {@code GET}; the limits package
	 * refuses non-queries.
	 */
	static final String HTTP_GET_CONTEXT_KEY = "investment.http.get";

	private final IdGenerator idGenerator = new AlternativeJdkIdGenerator();

	private final WebGraphQlHandler graphQlHandler;

	private final JsonMapper json;

	private final ErrorRenderer errors;

	GraphQlGetHandler(WebGraphQlHandler graphQlHandler, JsonMapper json, ErrorRenderer errors) {
		this.errors = errors;
		this.graphQlHandler = graphQlHandler;
		this.json = json;
	}

	ServerResponse handle(ServerRequest request) {
		MediaType contentType = ResponseMediaType.select(request.headers().header(HttpHeaders.ACCEPT));
		Locale locale = this.errors.messages().locale(request.servletRequest());
		Map<String, String> parameters;
		try {
			parameters = QueryString.parse(request.servletRequest().getQueryString());
		}
		catch (QueryString.Malformed ex) {
			return RequestErrors.badRequest(this.errors, locale, contentType, ex.reason());
		}
		Optional<String> query = Optional.ofNullable(parameters.get("query")).filter(StringUtils::hasText);
		if (query.isEmpty() && Optional.ofNullable(parameters.get("extensions"))
			.filter((e) -> e.contains("persistedQuery"))
			.isPresent()) {
			// an automatic persisted query sent by its hash alone: the limits package's
			// document provider looks it up
			query = Optional.of(PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		}
		if (query.isEmpty()) {
			return RequestErrors.badRequest(this.errors, locale, contentType,
					ErrorMessage.detailed(ErrorCode.INVALID_QUERY_STRING, "noQuery"));
		}
		Optional<String> operationName = Optional.ofNullable(parameters.get("operationName"))
			.filter(StringUtils::hasText);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query.get());
		operationName.ifPresent((name) -> body.put("operationName", name));
		for (String name : List.of("variables", "extensions")) {
			Optional<String> text = Optional.ofNullable(parameters.get(name)).filter(StringUtils::hasText);
			if (text.isPresent()) {
				Optional<Map<?, ?>> map = jsonObject(text.get());
				if (map.isEmpty()) {
					return RequestErrors.badRequest(this.errors, locale, contentType,
							ErrorMessage.detailed(ErrorCode.INVALID_QUERY_STRING, "object", name));
				}
				body.put(name, map.get());
			}
		}
		Operation operation = operation(query.get(), operationName.orElse(null));
		if (operation != null && operation != Operation.QUERY) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(contentType)
				.body(this.errors.graphQlBody(ErrorMessage.detailed(ErrorCode.OPERATION_NOT_ALLOWED, "get",
						operation.name().toLowerCase(Locale.ROOT)), locale, Map.of()));
		}
		return execute(request, body, contentType, true);
	}

	/**
	 * Runs a request already read into its members through the shared handler, for
	 * {@code GET} and for {@link GraphQlPostHandler}.
	 */
	ServerResponse execute(ServerRequest request, Map<String, Object> body, MediaType contentType, boolean get) {
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
				this.idGenerator.generateId().toString(), LocaleContextHolder.getLocale());
		if (get) {
			// read by the limits instrumentation: a persisted query run by hash is only
			// known to be a query once looked up
			graphQlRequest.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(Map.of(HTTP_GET_CONTEXT_KEY, true)).build());
		}
		Mono<ServerResponse> response = this.graphQlHandler.handleRequest(graphQlRequest)
			.map((result) -> respond(result, contentType));
		return ServerResponse.async(response.toFuture());
	}

	private static ServerResponse respond(WebGraphQlResponse response, MediaType contentType) {
		// As Spring's POST handler: a request error (nothing executed, so no data) is a
		// 400 only in the
		// graphql-response+json media type; legacy application/json clients expect 200
		// for every GraphQL response.
		boolean requestError = !response.getExecutionResult().isDataPresent();
		HttpStatus status = ((requestError && ResponseMediaType.GRAPHQL_RESPONSE.equals(contentType))
				|| SubscriptionTransport.needsStream(response.getExecutionResult())) ? HttpStatus.BAD_REQUEST
						: HttpStatus.OK;
		return ServerResponse.status(status)
			.headers((headers) -> headers.putAll(response.getResponseHeaders()))
			.contentType(contentType)
			.body(response.toMap());
	}

	/**
	 * The kind of the operation that would run, or {@code null} when the document does
	 * not parse or does not name one operation: the engine then reports that as a GraphQL
	 * error.
	 */
	static Operation operation(String query, String operationName) {
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (GraphQLException ex) {
			return null;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operationName == null) {
			return (operations.size() == 1) ? operations.get(0).getOperation() : null;
		}
		return operations.stream()
			.filter((operation) -> operationName.equals(operation.getName()))
			.map(OperationDefinition::getOperation)
			.findFirst()
			.orElse(null);
	}

	private Optional<Map<?, ?>> jsonObject(String text) {
		try {
			return (this.json.readValue(text, Object.class) instanceof Map<?, ?> map) ? Optional.of(map)
					: Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		for (List<Cookie> named : request.cookies().values()) {
			for (Cookie cookie : named) {
				cookies.add(cookie.getName(), new HttpCookie(cookie.getName(), cookie.getValue()));
			}
		}
		return cookies;
	}

}
