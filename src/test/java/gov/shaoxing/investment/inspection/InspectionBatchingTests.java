package gov.shaoxing.investment.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.StorePathTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static gov.shaoxing.investment.inspection.InspectionFixtures.inspection;
import static gov.shaoxing.investment.inspection.InspectionFixtures.problem;
import static gov.shaoxing.investment.inspection.InspectionFixtures.with;
import static gov.shaoxing.investment.inspection.InspectorClient.MAP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the read model off, a page of projects with their inspections costs one
 * inspections query however many projects it shows.
 */
@StorePathTest
class InspectionBatchingTests {

	@Autowired
	TokenIssuer tokenIssuer;

	/** In 诸暨市; only the first test records inspections on them. */
	private static final List<String> PROJECTS = List.of("DEMO-IND-020", "DEMO-IND-021", "DEMO-IND-022", "DEMO-IND-023",
			"DEMO-IND-024");

	/** In 上虞市, for the feed test. */
	private static final List<String> OTHER_PROJECTS = List.of("DEMO-IND-039", "DEMO-IND-040", "DEMO-IND-041");

	@LocalServerPort
	int port;

	@Autowired
	CommandCounter counter;

	@Autowired
	Clock clock;

	InspectorClient phone;

	@BeforeEach
	void connect() {
		this.phone = new InspectorClient(this.port, TestSecurity.adminToken(this.tokenIssuer));
	}

	@Test
	void projectInspectionsForManyProjectsTakeOneQuery() {
		LocalDate today = LocalDate.now(this.clock);
		String photo = (String) this.phone.uploadPhoto(InspectionFixtures.jpeg(2000), "a.jpg", MediaType.IMAGE_JPEG)
			.get("id");
		for (String project : PROJECTS) {
			for (int i = 0; i < 3; i++) {
				Map<String, Object> input = with(inspection(project, today.minusDays(i)), "photoIds", List.of(photo));
				input.put("problems", List.of(problem("问题" + i, "NYJ")));
				this.phone.recordOk(input);
			}
		}

		this.counter.reset();
		List<Map<String, Object>> projects = this.phone.graphQl.documentName("projectInspections")
			.variable("filter", Map.of("districtCodes", List.of("ZHUJI")))
			.variable("first", 50)
			.execute()
			.path("projects.nodes")
			.entityList(MAP)
			.get();

		assertThat(projects).hasSizeGreaterThan(PROJECTS.size());
		assertThat(projects).filteredOn((p) -> PROJECTS.contains(p.get("code")))
			.hasSize(PROJECTS.size())
			.allSatisfy((p) -> {
				Map<?, ?> inspections = (Map<?, ?>) p.get("inspections");
				assertThat(inspections.get("totalCount")).isEqualTo(3);
				assertThat((List<?>) inspections.get("nodes")).hasSize(2);
			});
		assertThat(this.counter.count("find inspections")).isEqualTo(1);
		// the problems' departments, for every inspection shown, in one query as well
		assertThat(this.counter.count("find departments")).isEqualTo(1);
		assertThat(this.counter.commands()).noneMatch((c) -> c.contains("photos"));
	}

	@Test
	void theInspectionsFeedTakesTheSameQueriesForFiveOrFiftyInspections() {
		LocalDate today = LocalDate.now(this.clock);
		for (int i = 0; i < 10; i++) {
			this.phone.recordOk(inspection(OTHER_PROJECTS.get(i % OTHER_PROJECTS.size()), today));
		}
		this.counter.reset();
		this.phone.graphQl.documentName("inspectionsFeed")
			.variable("n", 5)
			.execute()
			.path("inspections.nodes")
			.entityList(Object.class)
			.hasSize(5);
		List<String> small = finds();
		this.counter.reset();
		this.phone.graphQl.documentName("inspectionsFeed")
			.variable("n", 50)
			.execute()
			.path("inspections.nodes")
			.entityList(Object.class)
			.hasSizeGreaterThan(9);
		assertThat(finds()).isEqualTo(small).contains("find inspections", "find projects", "find districts");
	}

	/** The queries sent (the counter leaves out the change feed's own reads). */
	private List<String> finds() {
		return this.counter.commands()
			.stream()
			.filter((c) -> c.startsWith("find") || c.startsWith("count") || c.startsWith("aggregate"))
			.sorted()
			.toList();
	}

}
