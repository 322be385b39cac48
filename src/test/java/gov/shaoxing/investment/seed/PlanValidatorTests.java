package gov.shaoxing.investment.seed;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PlanValidatorTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private JsonNode plan() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/seed/plan-2012.json")) {
			return this.json.readTree(in);
		}
	}

	@Test
	void theShippedPlanAddsUp() throws Exception {
		assertThat(PlanValidator.mismatches(plan())).isEmpty();
	}

	@Test
	void aDistrictFigureThatBreaksTheTotalIsNamed() throws Exception {
		JsonNode plan = plan();
		// 附件2, 诸暨市: 18 service projects becomes 19, so the column no longer adds up to
		// 139.
		ObjectNode rows = (ObjectNode) plan.get("attachments").get(1).get("rows");
		((ArrayNode) rows.get("ZHUJI")).set(0, "19");
		assertThat(PlanValidator.mismatches(plan)).singleElement()
			.asString()
			.contains("附件2", "SERVICE_PROJECTS", "140", "139");
	}

	@Test
	void percentagesAreNotSummed() throws Exception {
		JsonNode plan = plan();
		ObjectNode rows = (ObjectNode) plan.get("attachments").get(0).get("rows");
		((ArrayNode) rows.get("ZHUJI")).set(2, "99");
		assertThat(PlanValidator.mismatches(plan)).isEmpty();
	}

}
