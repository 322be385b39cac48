package gov.shaoxing.investment.security;

import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.StorePathTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** No input reaches a store query as an operator; strings and ids are checked. */
@StorePathTest
class InputHardeningTests {

	@Autowired
	ApplicationContext context;

	private HttpGraphQlTester graphQl() {
		return GraphQlTesters.of(this.context).anonymous();
	}

	@Test
	void operatorsInFilterValuesAreJustText() {
		for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("nameContains", "$where"),
				Map.of("nameContains", "{\"$where\": \"sleep(1000)\"}"), Map.of("nameContains", ".*"))) {
			graphQl().documentName("firstFilteredProject")
				.variable("f", filter)
				.execute()
				.path("projects.totalCount")
				.entity(Integer.class)
				.isEqualTo(0);
		}
		// an operator given as a code is a code that names nothing, quoted back as text
		for (Map<String, Object> filter : List.<Map<String, Object>>of(
				Map.of("districtCodes", List.of("{\"$ne\": null}")), Map.of("departmentCodes", List.of("$where")))) {
			graphQl().documentName("firstFilteredProject")
				.variable("f", filter)
				.execute()
				.errors()
				.satisfy((e) -> assertThat(e).singleElement().satisfies((x) -> {
					assertThat(x.getExtensions().get("code")).isIn("UNKNOWN_DISTRICT", "UNKNOWN_DEPARTMENT");
					assertThat(x.getMessage())
						.contains(String.valueOf(((List<?>) filter.values().iterator().next()).get(0)));
				}));
		}
	}

	@Test
	void overlongStringsAndMalformedIdsAreRefusedClearly() {
		graphQl().documentName("filteredProjectTotal")
			.variable("f", Map.of("nameContains", "项".repeat(101)))
			.execute()
			.errors()
			.satisfy((e) -> assertThat(e).singleElement()
				.satisfies((x) -> assertThat(x.getExtensions()).containsEntry("code", "INVALID_ARGUMENT")));
		graphQl().documentName("projectWithOperatorInId")
			.execute()
			.errors()
			.satisfy((e) -> assertThat(e).singleElement()
				.satisfies((x) -> assertThat(x.getExtensions()).containsEntry("code", "INVALID_ID")));
	}

	@Test
	void stringsAreTrimmed() {
		graphQl().documentName("projectsNamedLikeDemo")
			.execute()
			.path("projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(339);
	}

}
