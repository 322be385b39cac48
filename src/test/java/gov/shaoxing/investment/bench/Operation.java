package gov.shaoxing.investment.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import gov.shaoxing.investment.common.GlobalId;

/**
 * One benchmarked GraphQL operation: how to pick the next request body, what a correct
 * answer must contain, and the goal it is held to. Request bodies are encoded up front so
 * the client spends its time on HTTP only.
 */
final class Operation {

	static final String PROJECT_QUERY = """
			query($id: ID!) { project(id: $id) { name totalInvestment district { name } leadDepartment { name } \
			coDepartments { name } liaison { cityLeader { name mobile } department { name } cadre { name mobile } } } }""";

	static final String PAGE_QUERY = """
			query($filter: ProjectFilter) { projects(filter: $filter, first: 50) { totalCount \
			nodes { code name district { name } leadDepartment { name } } } }""";

	static final String DISTRICTS_QUERY = """
			{ districts { code name targets(year: 2012) { indicator guaranteed stretch } } }""";

	/**
	 * The page filters, used in turn at random: two to four districts each, as a
	 * dashboard would ask.
	 */
	static final List<String> PAGE_FILTERS = List.of(
			"{\"categories\":[\"INDUSTRIAL\",\"SERVICE\"],\"minTotalInvestment\":5,\"districtCodes\":[\"ZHUJI\",\"SHANGYU\"]}",
			"{\"categories\":[\"INDUSTRIAL\",\"SERVICE\"],\"minTotalInvestment\":5,\"districtCodes\":[\"SX_COUNTY\",\"YUECHENG\",\"PAOJIANG\"]}",
			"{\"categories\":[\"INDUSTRIAL\"],\"minTotalInvestment\":10,\"districtCodes\":[\"SHENGZHOU\",\"XINCHANG\",\"ZHUJI\"]}",
			"{\"categories\":[\"SERVICE\"],\"minTotalInvestment\":5,\"districtCodes\":[\"JINGHU\",\"BINHAI\",\"HIGH_TECH_ZONE\",\"CITY_DIRECT\"]}");

	private final String name;

	private final String description;

	private final byte[][] bodies;

	/**
	 * Makes bodies on the fly (unique idempotency keys); null when {@code bodies} are
	 * used.
	 */
	private Function<SplittableRandom, byte[]> generator;

	private final String expected;

	private final Goal goal;

	private Operation(String name, String description, byte[][] bodies, String expected, Goal goal) {
		this.name = name;
		this.description = description;
		this.bodies = bodies;
		this.expected = expected;
		this.goal = goal;
	}

	/**
	 * Operation 1: one project with its district, departments and liaison, by a random
	 * one of the codes.
	 */
	static Operation project(List<String> codes) {
		byte[][] bodies = new byte[codes.size()][];
		for (int i = 0; i < bodies.length; i++) {
			bodies[i] = body(PROJECT_QUERY, "{\"id\":\"" + GlobalId.encode("Project", codes.get(i)) + "\"}");
		}
		return new Operation("project", "project(id) with district, departments, liaison", bodies,
				"\"project\":{\"name\":", new Goal(2000, 20));
	}

	/** Operation 2: a filtered page of 50 projects with district and lead department. */
	static Operation page() {
		byte[][] bodies = PAGE_FILTERS.stream()
			.map((filter) -> body(PAGE_QUERY, "{\"filter\":" + filter + "}"))
			.toArray(byte[][]::new);
		return new Operation("page", "projects(filter, first: 50) with district, department", bodies, "\"totalCount\":",
				new Goal(500, 50));
	}

	/** Operation 3: every district with its 2012 targets. */
	static Operation districts() {
		return new Operation("districts", "districts with targets(year: 2012)",
				new byte[][] { body(DISTRICTS_QUERY, null) }, "\"targets\":[{", null);
	}

	static final String BULLETIN_QUERY = """
			{ bulletin(year: 2012, month: 9) { asOf districts { district { name } score rank \
			indicators { indicator guaranteed stretch actual completionRate rank } } \
			redProjects { project { code name liaison { cadre { name mobile } } } reasons } \
			overdueNotices { text deadline department { name } } } }""";

	static final String SUBMIT_QUERY = """
			mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { \
			report { id } project { progress { cumulativeInvestment light } } errors { code } } }""";

	/** Supervision: the monthly bulletin for all districts. */
	static Operation bulletin() {
		return new Operation("bulletin", "bulletin(2012, 9) for all districts",
				new byte[][] { body(BULLETIN_QUERY, null) }, "\"districts\":[{", new Goal(10, 100));
	}

	/**
	 * Supervision: 16 inspectors submitting reports, each with a new idempotency key, on
	 * random projects.
	 */
	static Operation submit(List<String> codes) {
		AtomicLong sequence = new AtomicLong();
		Operation op = new Operation("submit", "submitProgressReport, new key each",
				new byte[][] { body("{ x }", null) }, "\"errors\":[]", new Goal(500, 1000));
		op.generator = (random) -> {
			long n = sequence.incrementAndGet();
			String code = codes.get(random.nextInt(codes.size()));
			int month = 1 + random.nextInt(9);
			int half = 1 + random.nextInt(2);
			String amount = (1 + random.nextInt(500)) / 100 + "." + String.format("%02d", random.nextInt(100));
			return body(SUBMIT_QUERY,
					"{\"i\":{\"projectId\":\"" + GlobalId.encode("Project", code)
							+ "\",\"period\":{\"year\":2012,\"month\":" + month + ",\"half\":" + half
							+ "},\"investmentCompleted\":\"" + amount + "\",\"physicalProgressPercent\":40,"
							+ "\"idempotencyKey\":\"bench-key-" + n + "\"}}");
		};
		return op;
	}

	private static byte[] body(String query, String variables) {
		String json = "{\"query\":" + quoted(query) + ((variables != null) ? ",\"variables\":" + variables : "") + "}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	Goal goal() {
		return this.goal;
	}

	int variants() {
		return this.bodies.length;
	}

	byte[] body(int variant) {
		return this.generator != null ? this.generator.apply(new SplittableRandom(variant)) : this.bodies[variant];
	}

	byte[] nextBody(SplittableRandom random) {
		return this.generator != null ? this.generator.apply(random) : this.bodies[random.nextInt(this.bodies.length)];
	}

	/**
	 * A cheap correctness check: no GraphQL errors, and the part of the answer every
	 * request must have.
	 */
	boolean accepts(int status, String body) {
		if (this.generator != null) {
			return status == 200 && body.contains(this.expected) && !body.contains("\"errors\":[{");
		}
		return status == 200 && !body.contains("\"errors\"") && body.contains(this.expected);
	}

	/** The target for this operation on 2 cores; null where it sets none. */
	record Goal(double requestsPerSecond, double p99Millis) {

		boolean metBy(double requestsPerSecond, double p99Millis) {
			return requestsPerSecond >= this.requestsPerSecond && p99Millis <= this.p99Millis;
		}

		@Override
		public String toString() {
			return String.format(">= %,.0f req/s, p99 <= %.0f ms", this.requestsPerSecond, this.p99Millis);
		}

	}

}
