package gov.shaoxing.investment.limits;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import gov.shaoxing.investment.GraphQlEndpoint;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile or oversized queries are refused with a code naming the limit, before anything
 * runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.limits.introspection-for-anonymous=false" })
class QueryLimitsTests {

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	GraphQlEndpoint client;

	@BeforeEach
	void connect() {
		this.client = new GraphQlEndpoint(this.port);
	}

	/**
	 * district → projects → nodes → district …, {@code depth} fields deep, valid against
	 * the schema.
	 */
	static String nested(int depth) {
		String[] fields = { "district", "projects(first: 1)", "nodes" };
		StringBuilder query = new StringBuilder("{ ");
		for (int level = 0; level < depth - 1; level++) {
			query.append((level == 0) ? "district(code: \"ZHUJI\")" : fields[level % 3]).append(" { ");
		}
		query.append(((depth - 2) % 3 == 1) ? "totalCount" : "code");
		query.append(" }".repeat(depth));
		return query.toString();
	}

	static String aliases(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "a" + i + ": __typename")
			.collect(Collectors.joining(" ", "{ ", " }"));
	}

	@Test
	void refusesAQueryFiftyLevelsDeep() throws Exception {
		this.client.query(nested(50))
			.rejectedWith("QUERY_TOO_DEEP", "Query depth 50", "limit of 15", "investment.limits.max-depth");
	}

	@Test
	void answersAQueryAtTheDepthLimit() throws Exception {
		this.client.query(nested(15)).hasData();
	}

	@Test
	void refusesACostlyQueryAndReportsItsCost() throws Exception {
		String query = "query($n: Int) { districts { projects(first: $n) { nodes { inspections(first: $n) "
				+ "{ nodes { id } } } } } }";
		// 1 + 11 × (1 + n × (1 + 1 + n × (1 + 1))) with n = 100
		GraphQlEndpoint.Reply reply = this.client.post(Map.of("query", query, "variables", Map.of("n", 100)))
			.rejectedWith("QUERY_TOO_COSTLY", "Query cost 222212", "limit of 50000", "investment.limits.max-cost");
		assertThat(reply.body().path("extensions").path("cost").path("requested").asLong()).isEqualTo(222212);
		assertThat(reply.body().has("data")).isFalse();
		// the same document with small pages is cheap: the variables decide
		GraphQlEndpoint.Reply cheap = this.client
			.post(Map.of("query", query, "variables", Map.of("n", 2)), "Authorization",
					"Bearer " + TestSecurity.adminToken(this.tokenIssuer))
			.hasData();
		assertThat(cheap.body().path("extensions").path("cost").path("requested").asLong())
			.isEqualTo(1 + 11 * (1 + 2 * (1 + 1 + 2 * 2)));
	}

	@Test
	void aDocumentSentAgainWithOtherVariablesGetsItsOwnCost() throws Exception {
		String token = "Bearer " + TestSecurity.adminToken(this.tokenIssuer);
		String query = "query($code: ID!, $n: Int) { district(code: $code) { projects(first: $n) { nodes { code } } } }";
		// district 1 + projects 1 + n × (nodes 1 + code 1)
		for (Object[] sent : new Object[][] { { "ZHUJI", 5, 12 }, { "SHANGYU", 5, 12 }, { "ZHUJI", 50, 102 },
				{ "SHANGYU", 5, 12 } }) {
			GraphQlEndpoint.Reply reply = this.client
				.post(Map.of("query", query, "variables", Map.of("code", sent[0], "n", sent[1])), "Authorization",
						token)
				.hasData();
			assertThat(reply.body().path("extensions").path("cost").path("requested").asLong())
				.as("cost with %s", Arrays.toString(sent))
				.isEqualTo(((Integer) sent[2]).longValue());
		}
		// a costly page size is refused every time, however often the cheap one ran
		// before
		String costly = "query($n: Int) { districts { projects(first: $n) { nodes { inspections(first: $n) "
				+ "{ nodes { id } } } } } }";
		for (int n : new int[] { 2, 100, 2, 100 }) {
			GraphQlEndpoint.Reply reply = this.client.post(Map.of("query", costly, "variables", Map.of("n", n)),
					"Authorization", token);
			if (n == 100) {
				reply.rejectedWith("QUERY_TOO_COSTLY", "Query cost 222212");
			}
			else {
				reply.hasData();
			}
		}
	}

	@Test
	void refusesATooDeepOrAliasedQueryEveryTimeItIsSent() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.client.query(nested(16)).rejectedWith("QUERY_TOO_DEEP", "Query depth 16");
			this.client.query(aliases(51)).rejectedWith("TOO_MANY_ALIASES", "51 aliases");
			this.client.query(nested(15)).hasData();
		}
	}

	@Test
	void aDocumentAlreadyRunInFullIsStillUnknownByItsHashUntilSentWithIt() throws Exception {
		String query = "query apqCachedFirst { districts { name } }";
		String hash = PersistedQueries.sha256(query);
		this.client.query(query).hasData();
		this.client.post(GraphQlEndpoint.body(null, GraphQlEndpoint.persistedQuery(hash)))
			.rejectedWith("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
		this.client.post(GraphQlEndpoint.body(query, GraphQlEndpoint.persistedQuery(hash))).hasData();
		GraphQlEndpoint.Reply byHash = this.client
			.post(GraphQlEndpoint.body(null, GraphQlEndpoint.persistedQuery(hash)))
			.hasData();
		assertThat(byHash.body().path("data").path("districts").size()).isEqualTo(11);
		assertThat(byHash.body().path("extensions").path("cost").path("requested").asLong()).isEqualTo(12);
	}

	@Test
	void reportsTheCostOfEveryAnswer() throws Exception {
		GraphQlEndpoint.Reply reply = this.client.query("{ districts { code name } }").hasData();
		// districts: 1 + 11 estimated districts × (code + name)
		assertThat(reply.body().path("extensions").path("cost").path("requested").asLong()).isEqualTo(23);
		assertThat(reply.body().path("extensions").path("cost").path("limit").asLong()).isEqualTo(50000);
		GraphQlEndpoint.Reply paged = this.client.query("{ projects(first: 10) { totalCount nodes { code name } } }")
			.hasData();
		// projects 1 + totalCount 1 + 10 × (nodes 1 + code 1 + name 1)
		assertThat(paged.body().path("extensions").path("cost").path("requested").asLong()).isEqualTo(32);
	}

	@Test
	void refusesMoreAliasesThanTheLimit() throws Exception {
		this.client.query(aliases(60))
			.rejectedWith("TOO_MANY_ALIASES", "60 aliases", "limit of 50", "investment.limits.max-aliases");
	}

	@Test
	void refusesTenThousandAliasesAtTheParser() throws Exception {
		GraphQlEndpoint.Reply reply = this.client.query(aliases(10_000))
			.rejectedWith("QUERY_TOO_LARGE", "more than 15000 tokens", "investment.limits.max-tokens");
		assertThat(reply.status()).isEqualTo(400);
	}

	@Test
	void refusesAOneMegabyteQuery() throws Exception {
		String query = "{ districts { code } }\n#" + "x".repeat(1024 * 1024);
		GraphQlEndpoint.Reply reply = this.client.query(query)
			.rejectedWith("QUERY_TOO_LARGE", query.length() + " characters", "limit of 1000000",
					"investment.limits.max-characters");
		assertThat(reply.status()).isEqualTo(400);
	}

	@Test
	void refusesAPageOfAHundredThousandWithThePagingError() throws Exception {
		GraphQlEndpoint.Reply reply = this.client.query("{ projects(first: 100000) { nodes { code } } }")
			.rejectedWith("PAGE_SIZE_OUT_OF_RANGE", "between 0 and 100", "100000");
		assertThat(reply.body().path("errors").path(0).path("extensions").path("classification").asString())
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void keepsAnsweringOthersAfterHostileQueries() throws Exception {
		this.client.query(nested(60)).rejectedWith("QUERY_TOO_DEEP", "Query depth 60");
		// deeper still, the parser itself gives up
		this.client.query(nested(400)).rejectedWith("QUERY_TOO_DEEP", "investment.limits.max-depth");
		this.client.query(aliases(10_000)).rejectedWith("QUERY_TOO_LARGE", "15000");
		this.client.query("{ districts { code } }\n#" + "x".repeat(2 * 1024 * 1024)).rejectedWith("QUERY_TOO_LARGE");
		GraphQlEndpoint.Reply reply = this.client.query("{ districts { code name } }").hasData();
		assertThat(reply.body().path("data").path("districts").size()).isEqualTo(11);
	}

	@Test
	void refusesIntrospectionToAnonymousCallersWhenSwitchedOff() throws Exception {
		String introspection = "{ __schema { queryType { name } } }";
		this.client.query(introspection)
			.rejectedWith("INTROSPECTION_DISABLED", "investment.limits.introspection-for-anonymous");
		GraphQlEndpoint.Reply signedIn = this.client
			.query(introspection, "Authorization",
					"Bearer " + TestSecurity.token(this.tokenIssuer, Role.INSPECTOR, null, "ZHUJI"))
			.hasData();
		assertThat(signedIn.body().path("data").path("__schema").path("queryType").path("name").asString())
			.isEqualTo("Query");
		// __typename is not introspection of the schema
		this.client.query("{ __typename }").hasData();
	}

	@Test
	void runsAnAutomaticPersistedQueryByItsHashOverPostAndGet() throws Exception {
		String query = "query apqDistricts { districts { code } }";
		String hash = PersistedQueries.sha256(query);
		this.client.post(GraphQlEndpoint.body(null, GraphQlEndpoint.persistedQuery(hash)))
			.rejectedWith("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
		this.client.post(GraphQlEndpoint.body(query, GraphQlEndpoint.persistedQuery(hash))).hasData();
		GraphQlEndpoint.Reply byHash = this.client
			.post(GraphQlEndpoint.body(null, GraphQlEndpoint.persistedQuery(hash)))
			.hasData();
		assertThat(byHash.body().path("data").path("districts").size()).isEqualTo(11);
		String extensions = GraphQlEndpoint.JSON.writeValueAsString(GraphQlEndpoint.persistedQuery(hash));
		GraphQlEndpoint.Reply byGet = this.client.get(Map.of("extensions", extensions)).hasData();
		assertThat(byGet.body().path("data").path("districts").size()).isEqualTo(11);
	}

	@Test
	void answersNotFoundForAnUnknownHashOverGet() throws Exception {
		String extensions = GraphQlEndpoint.JSON
			.writeValueAsString(GraphQlEndpoint.persistedQuery(PersistedQueries.sha256("{ never { sent } }")));
		this.client.get(Map.of("extensions", extensions))
			.rejectedWith("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
	}

	@Test
	void refusesAPersistedQueryWhoseHashIsNotItsDocuments() throws Exception {
		String wrong = PersistedQueries.sha256("{ something else }");
		this.client.post(GraphQlEndpoint.body("{ districts { code } }", GraphQlEndpoint.persistedQuery(wrong)))
			.rejectedWith("PERSISTED_QUERY_HASH_MISMATCH", wrong, PersistedQueries.sha256("{ districts { code } }"));
	}

	@Test
	void refusesAPersistedMutationSentByGet() throws Exception {
		String mutation = "mutation { __typename }";
		String hash = PersistedQueries.sha256(mutation);
		this.client.post(GraphQlEndpoint.body(mutation, GraphQlEndpoint.persistedQuery(hash))).hasData();
		this.client
			.get(Map.of("extensions", GraphQlEndpoint.JSON.writeValueAsString(GraphQlEndpoint.persistedQuery(hash))))
			.rejectedWith("OPERATION_NOT_ALLOWED", "GET");
	}

}
