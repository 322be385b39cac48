package gov.shaoxing.investment.targets;

import java.io.InputStream;

import gov.shaoxing.investment.common.EnglishLabels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every indicator, unit and measure has an English label next to its Chinese one. */
class EnglishLabelsTests {

	private final EnglishLabels labels = new EnglishLabels();

	@Test
	void everyIndicatorAndUnitHasAnEnglishLabel() {
		for (Indicator indicator : Indicator.values()) {
			assertThat(this.labels.of("indicator", indicator.name())).as(indicator.name())
				.isNotBlank()
				.doesNotContainPattern("\\p{IsHan}");
		}
		for (Unit unit : Unit.values()) {
			assertThat(this.labels.of("unit", unit.name())).as(unit.name()).isNotBlank();
		}
		assertThat(this.labels.of("unit", "YI_YUAN")).isEqualTo("100 million yuan");
	}

	@Test
	void everyMeasureOfThePlanHasAnEnglishTitle() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/seed/plan-2012.json")) {
			JsonNode measures = JsonMapper.builder().build().readTree(in).get("measures");
			assertThat(measures).hasSize(19);
			for (JsonNode measure : measures) {
				String code = measure.get("code").asString();
				assertThat(this.labels.of("measure", code)).as(code).isNotBlank().doesNotContainPattern("\\p{IsHan}");
			}
		}
	}

}
