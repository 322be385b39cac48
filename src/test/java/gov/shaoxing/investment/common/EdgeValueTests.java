package gov.shaoxing.investment.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.StorePathTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimals the store cannot hold exactly and dates outside 1900–9999 are refused with
 * BAD_REQUEST and a stable code while the arguments are coerced, before any resolver or
 * store command runs (a refused mutation writes only its audit record), in every argument
 * and filter, as literals and as variables; no message names a Java type.
 */
@StorePathTest
class EdgeValueTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SUBMIT = "mutation($input: SubmitIndicatorReportInput!) { submitIndicatorReport(input: $input) "
			+ "{ report { value } errors { field code message } } }";

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer tokens;

	@Autowired
	CommandCounter counter;

	String token;

	@BeforeEach
	void signIn() {
		this.token = TestSecurity.adminToken(this.tokens);
	}

	JsonNode post(String query, Map<String, Object> variables) throws Exception {
		return post(query, variables, 400);
	}

	JsonNode post(String query, Map<String, Object> variables, int status) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (variables != null) {
			body.put("variables", variables);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.header("Authorization", "Bearer " + this.token)
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertNoJavaTypes(response.body());
		return JSON.readTree(response.body());
	}

	static void assertNoJavaTypes(String body) {
		assertThat(body).doesNotContain("java.")
			.doesNotContain("BigDecimal")
			.doesNotContain("BigInteger")
			.doesNotContain("TemporalAccessor")
			.doesNotContain("LocalDate")
			.doesNotContain("LinkedHashMap")
			.doesNotContain("Value{")
			.doesNotContain("'String'")
			.doesNotContain("'Integer'")
			.doesNotContain("Exception");
	}

	/** Refused with the code before any store command, as a client sees it. */
	JsonNode refused(String code, String query, Map<String, Object> variables, String... messageParts)
			throws Exception {
		this.counter.reset();
		long start = System.nanoTime();
		JsonNode body = post(query, variables);
		long millis = (System.nanoTime() - start) / 1_000_000;
		JsonNode error = body.path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).as(body.toString()).isEqualTo(code);
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
		if (messageParts.length > 0) {
			assertThat(error.path("message").asString()).contains(messageParts);
		}
		assertThat(body.has("data")).isFalse();
		// nothing reaches a resolver; a refused mutation leaves exactly its audit record
		// (every mutation attempt is audited, audit/RefusedMutations)
		List<String> expected = query.stripLeading().startsWith("mutation") ? List.of("insert audit_log") : List.of();
		assertThat(this.counter.commands()).as("store commands").isEqualTo(expected);
		// the probe's "1e999999999" held a thread for 14 s
		assertThat(millis).isLessThan(5_000);
		return body;
	}

	static Map<String, Object> indicator(Object value) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("year", 2012);
		input.put("month", 3);
		input.put("districtCode", "ZHUJI");
		input.put("indicator", "INDUSTRIAL_INVESTMENT");
		input.put("value", value);
		input.put("idempotencyKey", "edge-value-" + System.nanoTime());
		return Map.of("input", input);
	}

	@Test
	void refusesDecimalsBeyondTheStoresRangeInAVariable() throws Exception {
		refused("OUT_OF_RANGE", SUBMIT, indicator("1e999999999"), "$input: the number", "too large or too small");
		refused("OUT_OF_RANGE", SUBMIT, indicator("1e7000"));
		refused("OUT_OF_RANGE", SUBMIT, indicator("1e-7000"));
		refused("OUT_OF_RANGE", SUBMIT, indicator("-1e99999999999999"));
		refused("TOO_PRECISE", SUBMIT, indicator("1234567890123456789012345678901234567890"), "34 significant");
		refused("TOO_PRECISE", SUBMIT, indicator("1.000000000000000000000000000000000000001"));
		refused("TOO_PRECISE", SUBMIT, indicator("9".repeat(100_000)));
		refused("INVALID_DECIMAL", SUBMIT, indicator("twelve"), "a decimal number such as 12.5");
		refused("INVALID_DECIMAL", SUBMIT, indicator(true), "a decimal number such as 12.5");
		refused("INVALID_DECIMAL", SUBMIT, indicator(Map.of("value", 1)), "a decimal number such as 12.5");
	}

	@Test
	void refusesAnAbsurdIndicatorValueThatTheStoreCouldHold() throws Exception {
		JsonNode body = post(SUBMIT, indicator("1e300"), 200);
		assertThat(body.path("data").path("submitIndicatorReport").path("errors").path(0).path("code").asString())
			.isEqualTo("VALUE_OUT_OF_RANGE");
		assertThat(body.path("data").path("submitIndicatorReport").path("report").isNull()).isTrue();
	}

	@Test
	void refusesDecimalsBeyondTheStoresRangeAsLiterals() throws Exception {
		String literal = "mutation { submitIndicatorReport(input: { year: 2012, month: 3, districtCode: \"ZHUJI\", "
				+ "indicator: INDUSTRIAL_INVESTMENT, idempotencyKey: \"edge-literal-1\", value: %s }) "
				+ "{ errors { code } } }";
		refused("OUT_OF_RANGE", literal.formatted("1e7000"), null, "input.value: the number");
		refused("OUT_OF_RANGE", literal.formatted("\"1e999999999\""), null);
		refused("TOO_PRECISE", literal.formatted("1.000000000000000000000000000000000000001"), null);
		refused("INVALID_DECIMAL", literal.formatted("\"1,5\""), null, "a decimal number such as 12.5");
		refused("INVALID_DECIMAL", literal.formatted("[1]"), null, "a decimal number such as 12.5");
	}

	@Test
	void refusesOutOfRangeDecimalsInFiltersAndUpdates() throws Exception {
		refused("TOO_PRECISE", "query($min: Decimal) { projects(filter: { minTotalInvestment: $min }) { totalCount } }",
				Map.of("min", "1".repeat(40)));
		refused("OUT_OF_RANGE", "{ projects(filter: { maxTotalInvestment: \"1e7000\" }) { totalCount } }", null);
		refused("OUT_OF_RANGE",
				"mutation { updateProject(input: { id: \"UHJvamVjdDp4\", plannedInvestment: \"1e7000\" }) "
						+ "{ errors { code } } }",
				null);
	}

	@Test
	void refusesDatesOutsideTheYears1900To9999() throws Exception {
		refused("INVALID_DATE", "query($d: Date) { inspections(filter: { dateFrom: $d }) { totalCount } }",
				Map.of("d", "+999999999-12-31"), "a date such as 2012-03-29");
		refused("INVALID_DATE", "{ notices(filter: { deadlineTo: \"+999999999-12-31\" }) { totalCount } }", null,
				"filter.deadlineTo: expected");
		refused("INVALID_DATE",
				"mutation { updateProject(input: { id: \"UHJvamVjdDp4\", plannedFinish: \"+999999999-12-31\" }) "
						+ "{ errors { code } } }",
				null);
		refused("INVALID_DATE", "query($d: Date) { inspections(filter: { dateTo: $d }) { totalCount } }",
				Map.of("d", "1899-12-31"), "from 1900-01-01 to 9999-12-31");
		refused("INVALID_DATE", "query($d: Date) { inspections(filter: { dateTo: $d }) { totalCount } }",
				Map.of("d", "2012-02-30"));
		refused("INVALID_DATE", "query($d: Date) { inspections(filter: { dateTo: $d }) { totalCount } }",
				Map.of("d", 20120329), "a date such as 2012-03-29");
		refused("INVALID_DATE_TIME", "query($t: DateTime) { auditLog(filter: { from: $t }) { totalCount } }",
				Map.of("t", "+999999999-12-31T00:00:00Z"), "2012-03-29T09:30:00+08:00");
	}

	@Test
	void describesOtherWrongValuesWithoutJavaTypes() throws Exception {
		JsonNode body = post("query($n: Int) { projects(first: $n) { totalCount } }", Map.of("n", "ten"));
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
		body = post("{ projects(first: \"ten\") { totalCount } }", null);
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
		body = post("query($f: ProjectFilter) { projects(filter: $f) { totalCount } }", Map.of("f", "x"));
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
		body = post("{ projects(first: 1 { totalCount } }", null);
		assertThat(body.path("errors").path(0).path("extensions").path("code").asString())
			.isEqualTo("GRAPHQL_PARSE_FAILED");
	}

}
