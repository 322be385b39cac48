package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission reads and writes documents by id only, so it costs the same however many
 * reports the store holds (the embedded store scans a whole collection for any other
 * filter).
 */
@InProcessTest
class SubmissionLookupTests {

	@Autowired
	ProgressService progress;

	@Autowired
	CommandCounter commands;

	@Autowired
	GraphQlTester graphQl;

	private void submit(int half, String key) {
		this.progress.submit(new SubmitProgressReportInput(GlobalId.encode("Project", "DEMO-SVC-007"),
				new SubmitProgressReportInput.PeriodInput(2012, 4, half), new BigDecimal("1.5"), new BigDecimal("30"),
				null, null, null, key), TestSecurity.ADMIN);
	}

	@Test
	void aSubmissionAndItsReplacementFilterOnIdsOnly() {
		submit(1, "lookup-1");
		this.commands.reset();
		submit(1, "lookup-2");
		submit(2, "lookup-3");
		submit(2, "lookup-4");
		List<BsonDocument> filtered = this.commands.sent()
			.stream()
			.filter((c) -> !"events"
				.equals(c.get(c.getFirstKey()).isString() ? c.getString(c.getFirstKey()).getValue() : ""))
			.flatMap(SubmissionLookupTests::filters)
			.toList();
		assertThat(filtered).hasSizeGreaterThan(10).allSatisfy((f) -> assertThat(f.keySet()).contains("_id"));
	}

	@Test
	void aSubmissionThroughTheApiFiltersOnIdsOnly() {
		TestSecurity.signInAsAdmin();
		try {
			submit(1, "api-lookup-0");
			this.commands.reset();
			for (int i = 1; i <= 3; i++) {
				this.graphQl.documentName("submitReportWithLight")
					.variable("i",
							Map.of("projectId", GlobalId.encode("Project", "DEMO-SVC-007"), "period",
									Map.of("year", 2012, "month", 5, "half", 1), "investmentCompleted", "1." + i,
									"physicalProgressPercent", 40, "idempotencyKey", "api-lookup-" + i))
					.execute()
					.path("submitProgressReport.errors")
					.entityList(Object.class)
					.hasSize(0);
			}
		}
		finally {
			TestSecurity.signOut();
		}
		this.commands.sent()
			.stream()
			.filter((c) -> filters(c).anyMatch((f) -> !f.containsKey("_id")))
			.forEach((c) -> System.out.println("NONID " + c.toJson()));
	}

	/**
	 * The filters of a find, update, findAndModify or delete; the change feed's own reads
	 * are not counted.
	 */
	private static Stream<BsonDocument> filters(BsonDocument command) {
		return switch (command.getFirstKey()) {
			case "find" -> Stream.of(command.getDocument("filter", new BsonDocument()));
			case "findAndModify" -> Stream.of(command.getDocument("query"));
			case "update" -> command.getArray("updates").stream().map((u) -> u.asDocument().getDocument("q"));
			case "delete" -> command.getArray("deletes").stream().map((d) -> d.asDocument().getDocument("q"));
			default -> Stream.empty();
		};
	}

}
