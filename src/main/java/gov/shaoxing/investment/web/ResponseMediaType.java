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
 * the GraphQL-over-HTTP spec allows in place of a 406.
 */
final class ResponseMediaType {

	static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	private ResponseMediaType() {
	}

	static MediaType select(List<String> acceptHeaders) {
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
			.map(ResponseMediaType::supported)
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
