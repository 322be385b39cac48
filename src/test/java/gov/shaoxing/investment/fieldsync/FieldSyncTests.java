package gov.shaoxing.investment.fieldsync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.supervision.SupervisionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code syncFieldRecords} as a phone coming back online uses it: a full batch sent
 * twice, an overlapping batch, capture order, and the per-item refusals that leave the
 * rest of the batch applied.
 */
@SupervisionContext
class FieldSyncTests {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void signOut() {
		TestSecurity.signOut();
	}

	private static OffsetDateTime at(int minute) {
		return OffsetDateTime.of(2012, 6, 19, 9, 0, 0, 0, ZoneOffset.ofHours(8)).plusMinutes(minute);
	}

	private static Map<String, Object> report(String projectCode, int month, int half, String investment, String key,
			int minute) {
		return Map.of("capturedAt", at(minute).toString(), "progressReport",
				Map.of("projectId", GlobalId.encode("Project", projectCode), "period",
						Map.of("year", 2012, "month", month, "half", half), "investmentCompleted", investment,
						"physicalProgressPercent", 30, "idempotencyKey", key));
	}

	private static Map<String, Object> inspection(String projectCode, String findings, String key, int minute) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", GlobalId.encode("Project", projectCode));
		input.put("date", "2012-06-19");
		input.put("position", Map.of("latitude", 30.1, "longitude", 120.5));
		input.put("findings", findings);
		input.put("rating", "ON_TRACK");
		input.put("idempotencyKey", key);
		return Map.of("capturedAt", at(minute).toString(), "inspection", input);
	}

	private Map<String, Object> sync(List<Map<String, Object>> batch) {
		return this.graphQl.documentName("syncFieldRecords")
			.variable("batch", batch)
			.execute()
			.path("syncFieldRecords")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> results(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("results");
	}

	private long reports(String keyPrefix) {
		return this.mongo.count(Query.query(Criteria.where("idempotencyKey").regex("^" + keyPrefix)),
				"progress_reports");
	}

	private long inspections(String findingsPrefix) {
		return this.mongo.count(Query.query(Criteria.where("findings").regex("^" + findingsPrefix)), "inspections");
	}

	@Test
	void aFullBatchSentTwiceLeavesEachRecordOnce() {
		TestSecurity.signInAsAdmin();
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String code = String.format("DEMO-SVC-%03d", i + 1);
			batch.add(report(code, 1 + i % 5, 1, "0.01", "offline-100-r" + i, i));
			batch.add(inspection(code, "离线批次" + i, "offline-100-i" + i, i));
		}
		Map<String, Object> first = sync(batch);
		assertThat(first).containsEntry("applied", 100);
		Map<String, Object> again = sync(batch);
		assertThat(again).containsEntry("applied", 100);
		assertThat(reports("offline-100-r") + inspections("离线批次")).isEqualTo(100);
		// the retry answers with what the first send recorded
		for (int i = 0; i < 100; i++) {
			assertThat(results(again).get(i).toString()).isEqualTo(results(first).get(i).toString());
		}
		// a batch overlapping the first by ten items adds only its new item
		List<Map<String, Object>> overlap = new ArrayList<>(batch.subList(90, 100));
		overlap.add(report("DEMO-SVC-060", 2, 1, "0.02", "offline-100-r-extra", 200));
		assertThat(sync(overlap)).containsEntry("applied", 11);
		assertThat(reports("offline-100-r") + inspections("离线批次")).isEqualTo(101);
	}

	@Test
	void itemsApplyInCaptureOrderSoTheLaterCaptureIsCurrent() {
		TestSecurity.signInAsAdmin();
		// sent newest first: the one captured at minute 10 must end up current
		Map<String, Object> payload = sync(List.of(report("DEMO-SVC-070", 3, 2, "0.30", "order-later", 10),
				report("DEMO-SVC-070", 3, 2, "0.20", "order-earlier", 5)));
		List<Map<String, Object>> results = results(payload);
		assertThat(results.get(0)).containsEntry("index", 0).containsEntry("status", "APPLIED");
		@SuppressWarnings("unchecked")
		Map<String, Object> later = (Map<String, Object>) results.get(0).get("progressReport");
		String currentId = this.graphQl.documentName("monthReports")
			.variable("p", GlobalId.encode("Project", "DEMO-SVC-070"))
			.execute()
			.path("progressReports.nodes[0].id")
			.entity(String.class)
			.get();
		assertThat(currentId).isEqualTo(later.get("id"));
	}

	@Test
	void badItemsGetTheirOwnErrorsAndTheRestStillApplies() {
		TestSecurity.signIn(Role.INSPECTOR, null, "ZHUJI");
		List<Map<String, Object>> batch = new ArrayList<>();
		// 0: a 诸暨 project, in the inspector's scope
		batch.add(report("DEMO-IND-020", 4, 1, "0.1", "scope-zhuji-1", 0));
		// 1: outside the inspector's districts
		batch.add(report("DEMO-IND-001", 4, 1, "0.1", "scope-sx-1", 1));
		// 2: the same key as item 0
		batch.add(report("DEMO-IND-020", 4, 2, "0.1", "scope-zhuji-1", 2));
		// 3: neither record
		batch.add(Map.of("capturedAt", at(3).toString()));
		// 4: a bad period
		batch.add(report("DEMO-IND-020", 13, 1, "0.1", "scope-zhuji-bad", 4));
		while (batch.size() < 100) {
			batch.add(Map.of("capturedAt", at(batch.size()).toString()));
		}
		// 100: one too many, valid as it is
		batch.add(report("DEMO-IND-020", 5, 1, "0.1", "scope-zhuji-101", 100));
		List<Map<String, Object>> results = results(sync(batch));
		assertThat(results).hasSize(101);
		assertThat(results.get(0)).containsEntry("status", "APPLIED");
		assertThat(codes(results.get(1))).containsExactly("FORBIDDEN");
		assertThat(codes(results.get(2))).containsExactly("DUPLICATE_KEY_IN_BATCH");
		assertThat(codes(results.get(3))).containsExactly("EXACTLY_ONE_RECORD");
		assertThat(codes(results.get(4))).containsExactly("INVALID_PERIOD");
		assertThat(results.get(4).toString()).contains("batch[4].progressReport.period");
		assertThat(codes(results.get(100))).containsExactly("BATCH_TOO_LARGE");
		assertThat(reports("scope-zhuji-1")).isEqualTo(1);
		assertThat(reports("scope-zhuji-101") + reports("scope-sx-1")).isZero();
	}

	@SuppressWarnings("unchecked")
	private static List<String> codes(Map<String, Object> result) {
		assertThat(result).containsEntry("status", "REJECTED");
		return ((List<Map<String, Object>>) result.get("errors")).stream().map((e) -> (String) e.get("code")).toList();
	}

}
