package gov.shaoxing.investment.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Picks {@code application/graphql-response+json} unless the client prefers
 * {@code application/json}; a client that accepts neither still gets the former, which
 * the GraphQL-over-HTTP spec allows in place of a 406. A {@code POST} without an
 * {@code Accept} header, or accepting anything ({@code *}{@code /*}), gets
 * {@code application/json}, as the spec asks for the legacy clients that send those (and
 * as Spring's own handler did); a {@code GET}, which only newer clients send, the former.
 */
final class ResponseMediaType {

	static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	private ResponseMediaType() {
	}

	static MediaType select(List<String> acceptHeaders) {
		return select(acceptHeaders, GRAPHQL_RESPONSE);
	}

	/** As {@link #select(List)}, with {@code legacy} for a missing or wildcard Accept. */
	static MediaType select(List<String> acceptHeaders, MediaType legacy) {
		if (acceptHeaders.stream().allMatch(String::isBlank)) {
			return legacy;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(acceptHeaders);
		}
		catch (InvalidMediaTypeException ex) {
			return GRAPHQL_RESPONSE;
		}
		return accepted.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
			.map((type) -> type.isWildcardType() ? legacy : supported(type))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(GRAPHQL_RESPONSE);
	}

	private static MediaType supported(MediaType accepted) {
		if (accepted.includes(GRAPHQL_RESPONSE)) {
			return GRAPHQL_RESPONSE;
		}
		return accepted.includes(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON : null;
	}

}
