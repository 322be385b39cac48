package gov.shaoxing.investment.limits;

import java.util.Map;

import gov.shaoxing.investment.GraphQlEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code allow-list-only}, only the operations of the shipped allow-list run, by
 * hash or in full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.limits.persisted-queries.allow-list-only=true" })
class AllowListTests {

	static final String DISTRICT_LIST = "query districtList { districts { code name kind } }";

	static final String DISTRICT_TARGETS = "query districtTargets($code: ID!, $year: Int!) { district(code: $code) "
			+ "{ code name targets(year: $year) { indicator label guaranteed stretch unitLabel } } }";

	@LocalServerPort
	int port;

	GraphQlEndpoint client;

	@BeforeEach
	void connect() {
		this.client = new GraphQlEndpoint(this.port);
	}

	@Test
	void runsAListedOperationByItsHashAlone() throws Exception {
		Map<String, Object> body = GraphQlEndpoint.body(null,
				GraphQlEndpoint.persistedQuery(PersistedQueries.sha256(DISTRICT_TARGETS)));
		body.put("variables", Map.of("code", "ZHUJI", "year", 2012));
		GraphQlEndpoint.Reply reply = this.client.post(body).hasData();
		assertThat(reply.body().path("data").path("district").path("name").asString()).isEqualTo("诸暨市");
	}

	@Test
	void runsAListedOperationSentInFull() throws Exception {
		GraphQlEndpoint.Reply reply = this.client.query(DISTRICT_LIST).hasData();
		assertThat(reply.body().path("data").path("districts").size()).isEqualTo(11);
	}

	@Test
	void refusesAnOperationNotInTheList() throws Exception {
		String query = "{ districts { code } }";
		this.client.query(query)
			.rejectedWith("OPERATION_NOT_ALLOWED", PersistedQueries.sha256(query),
					"investment.limits.persisted-queries.allow-list-only");
		// nor can a client register one by the persisted-query protocol
		this.client.post(GraphQlEndpoint.body(query, GraphQlEndpoint.persistedQuery(PersistedQueries.sha256(query))))
			.rejectedWith("OPERATION_NOT_ALLOWED", PersistedQueries.sha256(query));
		this.client.post(GraphQlEndpoint.body(null, GraphQlEndpoint.persistedQuery(PersistedQueries.sha256(query))))
			.rejectedWith("OPERATION_NOT_ALLOWED");
	}

}
