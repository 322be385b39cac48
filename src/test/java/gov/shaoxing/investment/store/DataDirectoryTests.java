package gov.shaoxing.investment.store;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory is part of health, and its trouble stops writes before they are
 * acknowledged: short of space (the threshold raised past any disk), or not writable.
 */
class DataDirectoryTests {

	@TempDir(cleanup = CleanupMode.ALWAYS)
	Path dir;

	@Test
	void shortOfSpaceOrUnwritableMeansHealthDownAndWritesRefused() throws Exception {
		Path data = this.dir.resolve("data");
		Path log = this.dir.resolve("service.log");
		ServiceApi signedIn;
		try (ServiceProcess service = ServiceProcess.start(data, log)) {
			ServiceApi api = new ServiceApi(service.port()).signIn("admin");
			signedIn = api;
			assertThat(submit(api, "disk-ok-1").path("report").path("id").isString()).isTrue();
			service.stop();
		}
		try (ServiceProcess service = ServiceProcess.start(data, log, "--investment.store.min-free-space=100000TB")) {
			// Signing in is itself audited, so it too is refused on a full disk: reuse
			// the token.
			ServiceApi api = signedIn.at(service.port());
			HttpResponse<String> health = api.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("dataDirectory").contains("min-free-space");
			JsonNode refused = api.post(SUBMIT, input("disk-full-1"));
			assertThat(refused.toString()).contains("STORE_UNAVAILABLE");
			service.stop();
		}
		try (ServiceProcess service = ServiceProcess.start(data, log)) {
			ServiceApi api = new ServiceApi(service.port()).signIn("admin");
			assertThat(reportCount(api)).as("the refused write was not kept").isEqualTo(1);
			String undo = makeUnwritable(data);
			if (undo == null) {
				System.out.println("SKIPPED the unwritable part of DataDirectoryTests: neither permissions (running as "
						+ System.getProperty("user.name") + ") nor chattr +i could make " + data + " unwritable here");
				service.stop();
				return;
			}
			try {
				awaitHealth(api, 503);
				assertThat(api.get("/actuator/health").body()).contains("not writable");
				assertThat(api.post(SUBMIT, input("disk-ro-1")).toString()).contains("STORE_UNAVAILABLE");
			}
			finally {
				run(undo);
			}
			awaitHealth(api, 200);
			assertThat(submit(api, "disk-ok-2").path("report").path("id").isString()).isTrue();
			assertThat(reportCount(api)).isEqualTo(2);
			service.stop();
		}
	}

	private static final String SUBMIT = "mutation($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) "
			+ "{ report { id } errors { code } } }";

	private static JsonNode submit(ServiceApi api, String key) throws Exception {
		return api.post(SUBMIT, input(key)).path("data").path("submitProgressReport");
	}

	private static Map<String, Object> input(String key) {
		return Map.of("i",
				Map.of("projectId", GlobalId.encode("Project", "DEMO-SVC-040"), "period",
						Map.of("year", 2012, "month", key.endsWith("2") ? 5 : 4, "half", 1), "investmentCompleted",
						"1.25", "physicalProgressPercent", 10, "idempotencyKey", key));
	}

	private static int reportCount(ServiceApi api) throws Exception {
		return api
			.post("query($id: ID!) { project(id: $id) { reports(includeReplaced: true) { totalCount } } }",
					Map.of("id", GlobalId.encode("Project", "DEMO-SVC-040")))
			.path("data")
			.path("project")
			.path("reports")
			.path("totalCount")
			.asInt();
	}

	private static void awaitHealth(ServiceApi api, int status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (api.get("/actuator/health").statusCode() != status && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(api.get("/actuator/health").statusCode()).isEqualTo(status);
	}

	/**
	 * Makes the directory refuse new files: by permissions where they bind (not as root),
	 * else by the immutable attribute (root on ext4 and similar). Returns the command
	 * that undoes it, or null when neither works.
	 */
	private static String makeUnwritable(Path data) throws Exception {
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));
		if (!canCreateFileIn(data)) {
			return "chmod 700 " + data;
		}
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		if (run("chattr +i " + data) && !canCreateFileIn(data)) {
			return "chattr -i " + data;
		}
		run("chattr -i " + data);
		return null;
	}

	private static boolean canCreateFileIn(Path dir) {
		try {
			Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean run(String command) throws Exception {
		try {
			Process process = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
