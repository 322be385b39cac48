package gov.shaoxing.investment.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gov.shaoxing.investment.QuietServiceTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
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
 * An anonymous query that mixes public fields with {@code @signedIn} ones keeps all its
 * public data: the signed-in fields answer null with {@code SIGN_IN_REQUIRED}, and
 * nothing else fails.
 */
@QuietServiceTest
class PublicDataTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GraphQlSource graphQlSource;

	@Test
	void districtsSurviveAnAnonymousNoticesField() throws Exception {
		JsonNode response = anonymous("{ districts { code } notices(first: 1) { totalCount } }");
		assertThat(response.path("data").path("districts")).hasSize(11);
		assertThat(response.path("data").path("notices").isNull()).isTrue();
		assertThat(codes(response)).containsExactly("SIGN_IN_REQUIRED");
	}

	@Test
	void aProjectKeepsItsPublicFieldsWhenItsProgressIsAsked() throws Exception {
		String code = anonymous("{ projects(first: 1) { nodes { code } } }").path("data")
			.path("projects")
			.path("nodes")
			.path(0)
			.path("code")
			.asString();
		JsonNode response = anonymous("{ projectByCode(code: \"" + code + "\") { code name progress { light } } }");
		JsonNode project = response.path("data").path("projectByCode");
		assertThat(project.path("code").asString()).isEqualTo(code);
		assertThat(project.path("name").asString()).endsWith("(演示)");
		assertThat(project.path("progress").isNull()).isTrue();
		assertThat(codes(response)).containsExactly("SIGN_IN_REQUIRED");
	}

	@Test
	void everySignedInFieldIsNullable() {
		GraphQLSchema schema = this.graphQlSource.schema();
		List<String> signedIn = new ArrayList<>();
		for (GraphQLType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container && !container.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					if (field.hasAppliedDirective("signedIn")) {
						signedIn.add(container.getName() + "." + field.getName());
						assertThat(field.getType()).as(container.getName() + "." + field.getName())
							.isNotInstanceOf(GraphQLNonNull.class);
					}
				}
			}
		}
		assertThat(signedIn).contains("Query.notices", "Project.progress", "Query.bulletin");
	}

	/**
	 * Every root field, asked anonymously beside {@code districts}: the districts always
	 * come back, and the only errors are refusals or the field's own argument checks.
	 */
	@Test
	void everyRootFieldLeavesThePublicDataOfAnAnonymousQuery() throws Exception {
		GraphQLObjectType query = this.graphQlSource.schema().getQueryType();
		int asked = 0;
		for (GraphQLFieldDefinition field : query.getFieldDefinitions()) {
			String document = "{ districts { code } probe: " + field.getName() + arguments(field) + selection(field)
					+ " }";
			JsonNode response = anonymous(document);
			assertThat(response.path("data").path("districts")).as(document).hasSize(11);
			assertThat(codes(response)).as(document)
				.allMatch((code) -> !code.isEmpty() && !code.equals("INTERNAL") && !code.startsWith("GRAPHQL_"));
			assertThat(response.toString()).as(document).doesNotContain("wrongly returned a null value");
			if (field.hasAppliedDirective("signedIn")) {
				assertThat(response.path("data").path("probe").isNull()).as(document).isTrue();
				assertThat(codes(response)).as(document).contains("SIGN_IN_REQUIRED");
			}
			asked++;
		}
		assertThat(asked).isGreaterThan(20);
	}

	/** Values for the required arguments: a plan year, a first enum value, a word. */
	private static String arguments(GraphQLFieldDefinition field) {
		List<String> given = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			if (!(argument.getType() instanceof GraphQLNonNull)) {
				continue;
			}
			GraphQLInputType type = (GraphQLInputType) GraphQLTypeUtil.unwrapAll(argument.getType());
			String value;
			if (type instanceof GraphQLEnumType enumType) {
				value = enumType.getValues().get(0).getName();
			}
			else if (type instanceof GraphQLScalarType scalar) {
				value = switch (scalar.getName()) {
					case "Int" -> argument.getName().equals("year") ? "2012" : "1";
					case "Boolean" -> "true";
					case "Date" -> "\"2012-06-30\"";
					default -> "\"ZHUJI\"";
				};
			}
			else {
				value = "{}";
			}
			given.add(argument.getName() + ": " + value);
		}
		return given.isEmpty() ? "" : given.stream().collect(Collectors.joining(", ", "(", ")"));
	}

	private static String selection(GraphQLFieldDefinition field) {
		GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
		return (type instanceof GraphQLScalarType || type instanceof GraphQLEnumType) ? "" : " { __typename }";
	}

	private List<String> codes(JsonNode response) {
		List<String> codes = new ArrayList<>();
		for (JsonNode error : response.path("errors")) {
			codes.add(error.path("extensions").path("code").asString());
		}
		return codes;
	}

	private JsonNode anonymous(String document) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("query", document))))
			.build();
		return this.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
