package gov.shaoxing.investment.codes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped district or department code is an error that names the closest valid codes,
 * in every argument and filter of every query, never a silently empty answer.
 */
@ServiceTest
class UnknownCodeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	JsonMapper json;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void aMistypedDistrictInAProjectFilterSuggestsTheRightOne() throws Exception {
		JsonNode error = post("{ projects(filter: { districtCodes: [\"ZHUJl\"] }) { totalCount } }").path("errors")
			.path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNKNOWN_DISTRICT");
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
		assertThat(error.path("extensions").path("field").asString()).isEqualTo("filter.districtCodes");
		assertThat(error.path("extensions").path("didYouMean").get(0).asString()).isEqualTo("ZHUJI");
		assertThat(error.path("message").asString()).contains("ZHUJl");
		assertThat(post("{ projects(filter: { districtCodes: [\"ZHUJI\"] }) { totalCount } }").has("errors")).isFalse();
	}

	@Test
	void aMistypedDepartmentOrADistrictGivenByNameSuggestsCodes() throws Exception {
		JsonNode department = post("{ projects(filter: { leadDepartmentCodes: [\"JXV\"] }) { totalCount } }")
			.path("errors")
			.path(0);
		assertThat(department.path("extensions").path("code").asString()).isEqualTo("UNKNOWN_DEPARTMENT");
		assertThat(department.path("extensions").path("didYouMean").toString()).contains("JXW");
		JsonNode byName = post("{ targets(year: 2012, districtCode: \"诸暨市\") { guaranteed } }").path("errors").path(0);
		assertThat(byName.path("extensions").path("code").asString()).isEqualTo("UNKNOWN_DISTRICT");
		assertThat(byName.path("extensions").path("didYouMean").get(0).asString()).isEqualTo("ZHUJI");
	}

	/**
	 * Every query field taking a district or department code, as an argument or in a
	 * filter.
	 */
	@Test
	void everyCodeArgumentOfEveryQueryIsChecked() throws Exception {
		List<String> checked = new ArrayList<>();
		for (GraphQLFieldDefinition field : this.graphQlSource.schema().getQueryType().getFieldDefinitions()) {
			for (GraphQLArgument argument : field.getArguments()) {
				for (String[] probe : probes(argument.getName(), argument.getType(), 0)) {
					String others = required(field, argument.getName());
					String document = "{ probe: " + field.getName() + "(" + probe[1] + others + ")"
							+ (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType ? ""
									: " { __typename }")
							+ " }";
					JsonNode error = post(document).path("errors").path(0);
					assertThat(error.path("extensions").path("code").asString()).as(document).isEqualTo(probe[0]);
					assertThat(error.path("extensions").path("didYouMean")).as(document).isNotEmpty();
					checked.add(document);
				}
			}
		}
		assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
	}

	/** {code, argument text} for each code field reachable from an argument. */
	private static List<String[]> probes(String name, GraphQLType type, int depth) {
		List<String[]> probes = new ArrayList<>();
		String code = CodeArguments.DISTRICT_NAMES.contains(name) ? "UNKNOWN_DISTRICT"
				: CodeArguments.DEPARTMENT_NAMES.contains(name) ? "UNKNOWN_DEPARTMENT" : null;
		boolean list = GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
		if (code != null) {
			probes.add(new String[] { code, name + ": " + (list ? "[\"NOPE1\"]" : "\"NOPE1\"") });
		}
		else if (depth < 2 && GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input) {
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				for (String[] inner : probes(field.getName(), field.getType(), depth + 1)) {
					probes.add(new String[] { inner[0], name + ": { " + inner[1] + " }" });
				}
			}
		}
		return probes;
	}

	private static String required(GraphQLFieldDefinition field, String except) {
		StringBuilder given = new StringBuilder();
		for (GraphQLArgument argument : field.getArguments()) {
			if (argument.getName().equals(except) || !(argument.getType() instanceof GraphQLNonNull)) {
				continue;
			}
			GraphQLType type = GraphQLTypeUtil.unwrapAll(argument.getType());
			String value = (type instanceof GraphQLEnumType enumType) ? enumType.getValues().get(0).getName()
					: argument.getName().equals("year") ? "2012" : "1";
			given.append(", ").append(argument.getName()).append(": ").append(value);
		}
		return given.toString();
	}

	private JsonNode post(String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestSecurity.adminToken(this.issuer))
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", query))))
			.build();
		return this.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
