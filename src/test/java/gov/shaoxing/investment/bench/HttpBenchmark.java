package gov.shaoxing.investment.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import gov.shaoxing.investment.InvestmentApplication;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.SecurityProperties;
import gov.shaoxing.investment.security.TokenIssuer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark command: starts the service in this JVM on the in-memory embedded store,
 * adds synthetic projects, then measures requests per second and latency over HTTP for
 * three typical operations. Run it with {@code mvn -B -q -Pbench test-compile exec:exec};
 * settings are system properties (see {@link Settings}). It is not a test: nothing runs
 * it during {@code mvn verify}.
 */
public final class HttpBenchmark {

	private HttpBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		printEnvironment(settings);
		long startedAt = System.nanoTime();
		// bench.store=file: the embedded H2 file store, every write on disk before its
		// reply,
		// in a fresh directory under target/
		String store = "file".equals(System.getProperty("bench.store")) ? "--investment.store.mode=file"
				: "--investment.store.mode=memory";
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", store,
				"--investment.store.data-dir=target/bench-data-" + System.currentTimeMillis(),
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.de.bwaldvogel=ERROR"));
		arguments.addAll(settings.appArguments());
		ConfigurableApplicationContext context = SpringApplication.run(new Class<?>[] { InvestmentApplication.class },
				arguments.toArray(String[]::new));
		int exitCode = 0;
		try {
			System.out.printf("Started the service in %.1f s%n", seconds(System.nanoTime() - startedAt));
			List<String> codes = load(context, settings);
			// contact details and supervision are for signed-in staff: the clients sign
			// in as an analyst, as a
			// dashboard would (and as an inspector for submissions)
			LoadRunner.authorization = "Bearer " + context.getBean(TokenIssuer.class)
				.issue(new SecurityProperties.User("bench-admin", null, Role.ADMIN, null, List.of()),
						Duration.ofHours(4))
				.value();
			if (settings.operations().contains("bulletin") || settings.operations().contains("submit")) {
				SupervisionLoad.reports(context, codes, settings.seed());
			}
			int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			try (LoadRunner runner = new LoadRunner(URI.create("http://127.0.0.1:" + port + "/graphql"),
					settings.clients(), settings.seed(), settings.plainClient())) {
				List<Operation> operations = operations(settings, codes);
				check(runner, operations);
				List<LoadRunner.Result> results = new ArrayList<>();
				for (Operation operation : operations) {
					System.out.printf("%-10s warm-up %d s ...", operation.name(), settings.warmup().toSeconds());
					System.out.flush();
					LoadRunner.Result warmup = runner.run(operation, settings.warmup());
					System.out.printf(" %,.0f req/s, JIT %.0f%% of CPUs; measuring %d s ...",
							warmup.requestsPerSecond(),
							100 * warmup.jitCpuNanos() / (warmup.elapsedNanos() * (double) runtimeCpus()),
							settings.measure().toSeconds());
					System.out.flush();
					LoadRunner.Result result = runner.run(operation, settings.measure());
					System.out.printf(" %,.0f req/s%n", result.requestsPerSecond());
					results.add(result);
				}
				print(settings, results);
				if (settings.operations().contains("submit")) {
					SupervisionLoad.checkTotals(context);
				}
				if (results.stream().anyMatch((r) -> r.errors() > 0)) {
					exitCode = 1;
				}
			}
		}
		finally {
			context.close();
		}
		System.exit(exitCode);
	}

	/**
	 * Adds the synthetic projects through the service, so the read model sees them as it
	 * would real ones.
	 */
	private static List<String> load(ConfigurableApplicationContext context, Settings settings) {
		ProjectService projects = context.getBean(ProjectService.class);
		List<Project> demo = projects.all();
		long start = System.nanoTime();
		List<Project> bench = BenchProjects.cloneOf(demo, settings.projects(), settings.seed());
		for (int from = 0; from < bench.size(); from += 1000) {
			projects.saveAll(bench.subList(from, Math.min(bench.size(), from + 1000)));
		}
		projects.invalidate();
		int total = projects.all().size();
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.printf(
				"Loaded %,d synthetic projects in %.1f s (%,d demo projects cloned; %,d in the store); "
						+ "heap in use after GC %,d MiB%n",
				bench.size(), seconds(System.nanoTime() - start), demo.size(), total,
				(runtime.totalMemory() - runtime.freeMemory()) >> 20);
		List<String> known = context.getBean(DistrictService.class)
			.byCodes(List.of("SX_COUNTY", "YUECHENG", "PAOJIANG", "ZHUJI", "SHANGYU", "SHENGZHOU", "XINCHANG", "JINGHU",
					"BINHAI", "HIGH_TECH_ZONE", "CITY_DIRECT"))
			.keySet()
			.stream()
			.toList();
		if (known.size() != 11) {
			throw new IllegalStateException("The page filters name districts the store lacks; it has " + known);
		}
		return bench.stream().map(Project::code).toList();
	}

	private static List<Operation> operations(Settings settings, List<String> codes) {
		List<Operation> all = List.of(Operation.project(codes), Operation.page(), Operation.districts(),
				Operation.bulletin(), Operation.submit(codes));
		List<Operation> chosen = new ArrayList<>();
		for (String name : settings.operations()) {
			chosen.add(all.stream()
				.filter((o) -> o.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown operation '" + name + "'; known: "
						+ all.stream().map(Operation::name).collect(Collectors.joining(",")))));
		}
		return chosen;
	}

	/**
	 * Sends every distinct page filter and one of each other request once, and shows what
	 * they answer.
	 */
	private static void check(LoadRunner runner, List<Operation> operations) throws Exception {
		Pattern totalCount = Pattern.compile("\"totalCount\":(\\d+)");
		for (Operation operation : operations) {
			int variants = operation.name().equals("page") ? operation.variants() : 1;
			for (int v = 0; v < variants; v++) {
				PlainHttpConnection.Response response = runner.send(operation.body(v));
				if (!operation.accepts(response.status(), response.body())) {
					throw new IllegalStateException("Check failed for " + operation.name() + ": HTTP "
							+ response.status() + " " + abbreviate(response.body(), 500));
				}
				Matcher count = totalCount.matcher(response.body());
				String detail = count.find() ? "totalCount " + count.group(1) + ", " : "";
				System.out.printf("Check %-10s variant %d: HTTP %d, %s%,d bytes: %s%n", operation.name(), v + 1,
						response.status(), detail, response.body().length(), abbreviate(response.body(), 120));
			}
		}
	}

	private static void printEnvironment(Settings settings) {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("HttpBenchmark %s%n", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		System.out.printf("JVM: %s %s (%s), %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		System.out.printf("CPUs available to the JVM: %d; max heap %,d MiB; GC %s%n", runtime.availableProcessors(),
				runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(GarbageCollectorMXBean::getName)
					.collect(Collectors.joining(", ")));
		System.out.printf("JVM arguments: %s%n",
				String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
		System.out.printf("Settings: %s%n", settings);
	}

	private static void print(Settings settings, List<LoadRunner.Result> results) {
		int cpus = Runtime.getRuntime().availableProcessors();
		System.out.println();
		System.out.printf(
				"%,d synthetic projects, %d clients (%s), %d s warm-up and %d s measured per operation; "
						+ "client and server share this JVM and its %d CPUs%n",
				settings.projects(), settings.clients(),
				settings.plainClient() ? "PlainHttpConnection" : "java.net.http", settings.warmup().toSeconds(),
				settings.measure().toSeconds(), cpus);
		System.out.println();
		System.out.printf("| %-9s | %9s | %6s | %8s | %7s | %7s | %7s | %-32s |%n", "operation", "requests", "errors",
				"req/s", "p50 ms", "p99 ms", "max ms", "goal");
		System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(11), "-".repeat(11), "-".repeat(8), "-".repeat(10),
				"-".repeat(9), "-".repeat(9), "-".repeat(9), "-".repeat(34));
		for (LoadRunner.Result r : results) {
			Operation.Goal goal = r.operation().goal();
			String verdict = (goal != null)
					? goal + (goal.metBy(r.requestsPerSecond(), r.percentileMillis(99)) ? ": met" : ": MISSED") : "-";
			System.out.printf("| %-9s | %,9d | %,6d | %,8.0f | %7.2f | %7.2f | %7.2f | %-32s |%n", r.operation().name(),
					r.requests(), r.errors(), r.requestsPerSecond(), r.percentileMillis(50), r.percentileMillis(99),
					r.maxMillis(), verdict);
		}
		System.out.println();
		System.out.println("CPU during each measurement, in % of all CPUs, and the server's CPU time per request "
				+ "(this JVM minus client, JIT and GC threads):");
		for (LoadRunner.Result r : results) {
			double capacity = r.elapsedNanos() * (double) cpus;
			double serverCpu = r.processCpuNanos() - r.clientCpuNanos() - r.jitCpuNanos() - r.gcCpuNanos();
			System.out.printf(
					"  %-9s this JVM %3.0f%%: HTTP client %2.0f%%, JIT %2.0f%%, GC %2.0f%% (%d pauses, %d ms); "
							+ "other processes %s; server %,.0f us per request%n",
					r.operation().name(), 100 * r.processShare(), 100 * r.clientCpuNanos() / capacity,
					100 * r.jitCpuNanos() / capacity, 100 * r.gcCpuNanos() / capacity, r.gcCount(), r.gcMillis(),
					Double.isNaN(r.othersShare()) ? "unknown" : String.format("%2.0f%%", 100 * r.othersShare()),
					serverCpu / Math.max(1, r.requests()) / 1e3);
		}
		if (results.stream().anyMatch((r) -> r.othersShare() > 0.1)) {
			System.out.println("WARNING: other processes used more than 10% of the CPUs during a measurement, "
					+ "so those figures understate what this service can do; run again on a quiet machine.");
		}
		for (LoadRunner.Result r : results) {
			if (r.firstFailure() != null) {
				System.out.printf("First failure of %s: %s%n", r.operation().name(), abbreviate(r.firstFailure(), 500));
			}
		}
	}

	private static int runtimeCpus() {
		return Runtime.getRuntime().availableProcessors();
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max) + "...";
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/**
	 * What to run, from system properties: {@code bench.projects} (default 10000),
	 * {@code bench.clients} (16), {@code bench.warmup} and {@code bench.seconds} (seconds
	 * of warm-up and of measurement per operation, 20 each), {@code bench.ops}
	 * (comma-separated, default {@code project,page,districts}), {@code bench.seed} and
	 * {@code bench.client}: {@code plain} for {@link PlainHttpConnection} or {@code jdk}
	 * for {@code java.net.http}. Besides {@code project,page,districts} (issue 2),
	 * {@code bulletin} and {@code submit} measure supervision: the monthly bulletin over
	 * {@code projects} projects with 24 reports each, and progress submissions by 16
	 * inspectors. For experiments, {@code bench.appArgs} adds space-separated application
	 * arguments.
	 */
	record Settings(int projects, int clients, Duration warmup, Duration measure, List<String> operations, long seed,
			String client, List<String> appArguments) {

		Settings {
			if (!client.equals("jdk") && !client.equals("plain")) {
				throw new IllegalArgumentException("bench.client is jdk or plain, not '" + client + "'");
			}
		}

		boolean plainClient() {
			return this.client.equals("plain");
		}

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("bench.projects", 10_000), Integer.getInteger("bench.clients", 16),
					Duration.ofSeconds(Long.getLong("bench.warmup", 20)),
					Duration.ofSeconds(Long.getLong("bench.seconds", 20)),
					Arrays.stream(System.getProperty("bench.ops", "project,page,districts").split(","))
						.map(String::trim)
						.filter((name) -> !name.isEmpty())
						.toList(),
					Long.getLong("bench.seed", 2012), System.getProperty("bench.client", "plain"),
					Arrays.stream(System.getProperty("bench.appArgs", "").split("\\s+"))
						.filter((argument) -> !argument.isEmpty())
						.toList());
		}

	}

}
