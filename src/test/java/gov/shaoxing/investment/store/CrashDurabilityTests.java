package gov.shaoxing.investment.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import gov.shaoxing.investment.common.GlobalId;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes: the service runs as a child process on an H2 file while inspectors submit
 * reports and record inspections over HTTP; it is killed with SIGKILL mid-stream and
 * started again on the same directory. Every acknowledged write must be in the file after
 * the kill, and after each restart every roll-up must equal the sum of its project's
 * current reports.
 */
class CrashDurabilityTests {

	static final int CYCLES = 5;

	static final int CLIENTS = 4;

	@TempDir
	Path dir;

	/** Acknowledged writes: id → what kind. */
	private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

	@Test
	void acknowledgedWritesSurviveKillNineAndRollUpsAgreeAfterRestart() throws Exception {
		Path data = this.dir.resolve("data");
		List<String> projects = null;
		int checkedRollups = 0;
		for (int cycle = 0; cycle <= CYCLES; cycle++) {
			try (ServiceProcess service = ServiceProcess.start(data, this.dir.resolve("service.log"))) {
				ServiceApi reader = new ServiceApi(service.port()).signIn("inspector");
				if (projects == null) {
					projects = projectIds(reader);
				}
				if (cycle > 0) {
					checkedRollups += assertRollupsAgree(reader, projects);
				}
				if (cycle == CYCLES) {
					service.stop();
					break;
				}
				writeUntilKilled(service, projects, cycle);
			}
			assertAcknowledgedWritesAreInTheFile(data);
		}
		System.out.printf("CRASH TEST: %d kill -9 cycles, %d acknowledged writes checked after every kill, 0 lost; "
				+ "%d roll-up checks after restarts%n", CYCLES, this.acknowledged.size(), checkedRollups);
		assertThat(this.acknowledged).hasSizeGreaterThan(CYCLES * 5);
	}

	private static List<String> projectIds(ServiceApi api) throws Exception {
		JsonNode nodes = api
			.post("{ projects(filter: { districtCodes: [\"ZHUJI\"] }, first: 6) { nodes { id } } }", Map.of())
			.path("data")
			.path("projects")
			.path("nodes");
		List<String> ids = new ArrayList<>();
		nodes.forEach((n) -> ids.add(n.path("id").asString()));
		assertThat(ids).hasSize(6);
		return ids;
	}

	/**
	 * Four phones write until the service dies under them: killed a random moment (0.3 to
	 * 1.5 s) after the first few writes were acknowledged, so a slow machine still kills
	 * mid-stream.
	 */
	private void writeUntilKilled(ServiceProcess service, List<String> projects, int cycle) throws Exception {
		AtomicBoolean killed = new AtomicBoolean();
		List<ServiceApi> phones = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			phones.add(new ServiceApi(service.port()).signIn("inspector"));
		}
		int before = this.acknowledged.size();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Integer>> writers = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			writers.add(pool.submit(() -> write(phones.get(client), projects, cycle, client, killed)));
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (this.acknowledged.size() < before + CLIENTS * 2 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Thread.sleep(300 + new Random(cycle).nextInt(1200));
		killed.set(true);
		service.kill();
		pool.shutdown();
		int written = 0;
		for (Future<Integer> writer : writers) {
			written += writer.get(60, TimeUnit.SECONDS);
		}
		assertThat(written).as("writes acknowledged before kill " + (cycle + 1)).isPositive();
	}

	private int write(ServiceApi api, List<String> projects, int cycle, int client, AtomicBoolean killed)
			throws Exception {
		Random random = new Random(cycle * 100 + client);
		int written = 0;
		for (int n = 0; !killed.get(); n++) {
			String key = "crash-" + cycle + "-" + client + "-" + n;
			String project = projects.get(random.nextInt(projects.size()));
			try {
				if (random.nextInt(4) > 0) {
					JsonNode answer = api.post(
							"mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) "
									+ "{ report { id } errors { code } } }",
							Map.of("i",
									Map.of("projectId", project, "period",
											Map.of("year", 2012, "month", 1 + random.nextInt(12), "half",
													1 + random.nextInt(2)),
											"investmentCompleted", random.nextInt(300) + "." + random.nextInt(100),
											"physicalProgressPercent", random.nextInt(100), "idempotencyKey", key)));
					written += acknowledge(answer.path("data").path("submitProgressReport"), "report", key);
				}
				else {
					JsonNode answer = api.post(
							"mutation($i: RecordInspectionInput!) { recordInspection(input: $i) "
									+ "{ inspection { id } errors { code } } }",
							Map.of("i",
									Map.of("projectId", project, "date", "2012-06-0" + (1 + random.nextInt(9)),
											"position", Map.of("latitude", 29.7, "longitude", 120.2), "findings",
											"进度正常 " + key, "rating", "ON_TRACK", "idempotencyKey", key)));
					written += acknowledge(answer.path("data").path("recordInspection"), "inspection", key);
				}
			}
			catch (IOException ex) {
				if (!killed.get()) {
					throw ex;
				}
				// in flight when the service died: not acknowledged
			}
		}
		return written;
	}

	private int acknowledge(JsonNode payload, String kind, String key) {
		JsonNode written = payload.path(kind.equals("report") ? "report" : "inspection").path("id");
		assertThat(payload.path("errors").isEmpty()).as(kind + " " + key + ": " + payload).isTrue();
		assertThat(written.isString()).as(kind + " " + key + ": " + payload).isTrue();
		this.acknowledged
			.put(GlobalId.keyOf(written.asString(), kind.equals("report") ? "ProgressReport" : "Inspection"), kind);
		return 1;
	}

	/** The file as the kill left it, read with the service down. */
	private void assertAcknowledgedWritesAreInTheFile(Path data) {
		EmbeddedStore store = new EmbeddedStore(
				new StoreProperties(null, StoreProperties.Mode.FILE, data.toString(), false));
		Set<String> present = new HashSet<>();
		try (MongoClient client = MongoClients.create(store.start())) {
			MongoDatabase db = client.getDatabase("investment");
			for (String collection : List.of("progress_reports", "inspections")) {
				db.getCollection(collection)
					.find()
					.projection(new Document("_id", 1))
					.forEach((d) -> present.add(d.getString("_id")));
			}
		}
		finally {
			store.stop();
		}
		List<String> lost = this.acknowledged.keySet().stream().filter((id) -> !present.contains(id)).sorted().toList();
		assertThat(lost).as("acknowledged writes lost in the crash, of " + this.acknowledged.size()).isEmpty();
	}

	/** Each project's cumulative investment equals the sum of its current reports. */
	private static int assertRollupsAgree(ServiceApi api, List<String> projects) throws Exception {
		for (String project : projects) {
			JsonNode p = api
				.post("query($id: ID!) { project(id: $id) { code progress { cumulativeInvestment } "
						+ "reports(first: 100) { totalCount nodes { investmentCompleted period { key } } } } }",
						Map.of("id", project))
				.path("data")
				.path("project");
			BigDecimal sum = BigDecimal.ZERO;
			Set<String> periods = new HashSet<>();
			for (JsonNode report : p.path("reports").path("nodes")) {
				sum = sum.add(new BigDecimal(report.path("investmentCompleted").asString()));
				assertThat(periods.add(report.path("period").path("key").asString()))
					.as("one current report per period of " + p.path("code").asString())
					.isTrue();
			}
			assertThat(p.path("reports").path("totalCount").asInt()).isLessThanOrEqualTo(100);
			BigDecimal cumulative = new BigDecimal(p.path("progress").path("cumulativeInvestment").asString());
			assertThat(cumulative).as("cumulative investment of " + p.path("code").asString())
				.isEqualByComparingTo(sum);
		}
		return projects.size();
	}

}
