package gov.shaoxing.investment.security;

import java.net.InetSocketAddress;
import java.util.Map;

import gov.shaoxing.investment.common.ClientAddress;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the client's address into the GraphQL context, for the sign-in limiter, which runs
 * inside the {@code login} data fetcher where the HTTP request is out of reach.
 */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

	static final String KEY = ClientAddressInterceptor.class.getName() + ".address";

	private final boolean trustForwardedFor;

	ClientAddressInterceptor(@Value("${" + ClientAddress.PROPERTY + ":false}") boolean trustForwardedFor) {
		this.trustForwardedFor = trustForwardedFor;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String host = remote == null ? null
				: remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
		String address = ClientAddress.of(host, request.getHeaders().getFirst("X-Forwarded-For"),
				this.trustForwardedFor);
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(KEY, address)).build());
		return chain.next(request);
	}

}
