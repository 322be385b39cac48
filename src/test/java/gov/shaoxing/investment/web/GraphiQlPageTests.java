package gov.shaoxing.investment.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.shaoxing.investment.GraphQlEndpoint;
import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static gov.shaoxing.investment.GraphQlEndpoint.assertContentType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL works on a network with no internet: the page and everything it loads come
 * from this application.
 */
@ServiceTest
class GraphiQlPageTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]*?(?:src|href)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	GraphQlEndpoint endpoint;

	@BeforeEach
	void connect() {
		this.endpoint = new GraphQlEndpoint(this.port);
	}

	@Test
	void graphiqlRedirectsToThePageWithTheEndpointPaths() throws Exception {
		HttpResponse<String> response = this.endpoint.getRaw("/graphiql", "text/html");
		assertThat(response.statusCode()).isEqualTo(307);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/graphiql?path=/graphql&wsPath=/graphql"));
	}

	@Test
	void pageLoadsEveryScriptAndStylesheetFromTheApplication() throws Exception {
		HttpResponse<String> page = this.endpoint.getRaw("/graphiql?path=/graphql&wsPath=/graphql", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertContentType(page, "text/html");
		assertThat(page.body()).doesNotContainPattern("(?i)https?://").doesNotContain("\"//");

		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page.body());
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		assertThat(assets).hasSize(4).anySatisfy((asset) -> assertThat(asset).endsWith("graphiql.min.js"));
		for (String asset : assets) {
			HttpResponse<String> response = this.endpoint.getRaw("/" + asset, "*/*");
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).hasSizeGreaterThan(5_000);
		}
	}

	@Test
	void pagePointsTheFetcherAtTheGraphQlEndpoint() throws Exception {
		String page = this.endpoint.getRaw("/graphiql?path=/graphql&wsPath=/graphql", "text/html").body();
		assertThat(page).contains("GraphiQL.createFetcher({ url })")
			.contains("new WebSocket(subscriptionUrl, 'graphql-transport-ws')")
			.contains("type: 'connection_init', payload: authorization(headers)")
			.contains("params.get('path')")
			.contains("params.get('wsPath')");
	}

}
