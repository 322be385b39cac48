package gov.shaoxing.investment.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the request's trace id into {@code extensions.traceId} of every GraphQL error, so
 * a caller can quote it and operators find the request's log lines and spans. Outermost
 * of the interceptors, so it sees every error as the client will.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceIdInErrors implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(TraceIdInErrors.class);

	private final TraceIds traceIds;

	TraceIdInErrors(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// read on the request's thread, where the server span is in scope
		String traceId = this.traceIds.current();
		return chain.next(request).map((response) -> (traceId == null) ? response : withTraceId(response, traceId));
	}

	private static WebGraphQlResponse withTraceId(WebGraphQlResponse response, String traceId) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.isEmpty()) {
			return response;
		}
		if (log.isDebugEnabled()) {
			log.debug("GraphQL errors {}",
					errors.stream()
						.map((error) -> (error.getExtensions() != null) ? error.getExtensions().get("code") : null)
						.toList());
		}
		List<GraphQLError> traced = errors.stream().map((error) -> withTraceId(error, traceId)).toList();
		return response.transform((builder) -> builder.errors(traced));
	}

	private static GraphQLError withTraceId(GraphQLError error, String traceId) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("traceId", traceId);
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.errorType(error.getErrorType())
			.extensions(extensions);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

}
