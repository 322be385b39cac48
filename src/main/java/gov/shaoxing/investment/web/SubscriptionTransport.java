package gov.shaoxing.investment.web;

import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.LocalizedError;
import graphql.ExecutionResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Subscriptions need a stream: over a WebSocket or Server-Sent Events they run; sent as a
 * plain HTTP request they get HTTP 400 {@code SUBSCRIPTION_NEEDS_STREAM} naming both,
 * instead of Spring's serialised stream object.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionTransport {

	@Bean
	WebGraphQlInterceptor subscriptionNeedsStream() {
		return new WebGraphQlInterceptor() {
			@Override
			public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
				return chain.next(request)
					.map((response) -> streamed(request) ? refusedAtStart(request, response)
							: refused(request, response));
			}
		};
	}

	/**
	 * Boot's handler for {@code POST /graphql}, answering the refusal above with a 400.
	 */
	@Bean
	GraphQlHttpHandler streamAwareGraphQlHttpHandler(WebGraphQlHandler handler) {
		return new GraphQlHttpHandler(handler) {
			@Override
			protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
				return needsStream(response.getExecutionResult()) ? HttpStatus.BAD_REQUEST
						: super.selectResponseStatus(response, responseMediaType);
			}
		};
	}

	private static boolean streamed(WebGraphQlRequest request) {
		return request instanceof WebSocketGraphQlRequest || request.getHeaders()
			.getAccept()
			.stream()
			.anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
	}

	/**
	 * A subscription refused before it starts (sign-in, an unknown code) is sent over SSE
	 * as one event with its errors, instead of Spring's "supports only subscriptions".
	 */
	private static WebGraphQlResponse refusedAtStart(WebGraphQlRequest request, WebGraphQlResponse response) {
		ExecutionResult result = response.getExecutionResult();
		if (request instanceof WebSocketGraphQlRequest || result.getData() != null || result.getErrors().isEmpty()) {
			return response;
		}
		ExecutionResult errors = ExecutionResult.newExecutionResult().errors(result.getErrors()).build();
		return response.transform((builder) -> builder.data(Flux.just(errors)).errors(List.of()));
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, WebGraphQlResponse response) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?>)) {
			return response;
		}
		ExecutionResult refusal = ExecutionResult.newExecutionResult()
			.addError(LocalizedError.of(ErrorCode.SUBSCRIPTION_NEEDS_STREAM.message(),
					Map.of("transports", List.of("graphql-transport-ws", "text/event-stream"))))
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refusal));
	}

	private static boolean needsStream(ExecutionResult result) {
		return result.getErrors()
			.stream()
			.anyMatch((error) -> error.getExtensions() != null
					&& ErrorCode.SUBSCRIPTION_NEEDS_STREAM.name().equals(error.getExtensions().get("code")));
	}

}
