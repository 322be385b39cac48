package gov.shaoxing.investment.limits;

import java.util.HashMap;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * Hands each request's limits to graphql-java: the parser's token and character limits,
 * the introspection switch for anonymous callers, and the overall timeout, which also
 * covers time spent outside the engine's fields.
 */
class LimitsInterceptor implements WebGraphQlInterceptor {

	private final LimitsProperties limits;

	private final ParserOptions parserOptions;

	private final QueryLimitsInstrumentation instrumentation;

	LimitsInterceptor(LimitsProperties limits, QueryLimitsInstrumentation instrumentation) {
		this.limits = limits;
		this.instrumentation = instrumentation;
		// whitespace is bounded by the character limit; one token limit keeps the
		// refusal's message exact
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(limits.maxTokens())
				.maxCharacters(limits.maxCharacters())
				.maxWhitespaceTokens(Integer.MAX_VALUE));
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Map<Object, Object> context = new HashMap<>();
		context.put(ParserOptions.class, this.parserOptions);
		if (!this.limits.introspectionForAnonymous() && anonymous(request)) {
			context.put(Introspection.INTROSPECTION_DISABLED, true);
		}
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(context).build());
		return chain.next(request).timeout(this.limits.timeout(), Mono.fromSupplier(() -> timedOut(request)));
	}

	/**
	 * Anonymous until security arrives: no {@code Authorization} header at all. (To be
	 * refined to "no valid token" once tokens are checked.)
	 */
	static boolean anonymous(WebGraphQlRequest request) {
		return !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(LimitErrors.error(this.instrumentation.timeoutMessage(), Map.of()))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
