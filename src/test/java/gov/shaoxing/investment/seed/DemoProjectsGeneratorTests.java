package gov.shaoxing.investment.seed;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DemoProjectsGeneratorTests {

	@Test
	void regeneratesTheShippedDemoSetByteForByte() throws Exception {
		JsonNode plan;
		String shipped;
		try (InputStream in = getClass().getResourceAsStream("/seed/plan-2012.json")) {
			plan = JsonMapper.builder().build().readTree(in);
		}
		try (InputStream in = getClass().getResourceAsStream("/seed/demo-projects.json")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(DemoProjectsGenerator.generate(plan)).isEqualTo(shipped);
	}

}
