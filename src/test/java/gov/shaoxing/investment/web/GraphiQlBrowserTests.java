package gov.shaoxing.investment.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.ServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GraphiQL as a person uses it, in headless Chromium driven by playwright-core
 * ({@code src/test/browser}): a signed-in query, a signed-in subscription over the
 * WebSocket, and no request leaving the machine. Skipped, saying why, where Chromium or
 * the npm packages are absent ({@code .ci/run} installs both).
 */
@ServiceTest
class GraphiQlBrowserTests {

	static final Path SCRIPT_DIR = Path.of("src/test/browser");

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Test
	void aSignedInQueryAndSubscriptionRunInGraphiQlWithNothingLeavingTheMachine() throws Exception {
		String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
		skipUnless(new File(chromium).canExecute(), "no Chromium at " + chromium + " (apt-get install chromium)");
		skipUnless(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
				"playwright-core is not installed (npm ci --prefix src/test/browser)");
		skipUnless(onPath("node"), "node is not installed");
		Process node = new ProcessBuilder("node", "graphiql.test.mjs", "http://localhost:" + this.port,
				TestSecurity.adminToken(this.issuer))
			.directory(SCRIPT_DIR.toFile())
			.redirectErrorStream(true)
			.start();
		boolean ended = node.waitFor(4, TimeUnit.MINUTES);
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		if (!ended) {
			node.destroyForcibly();
		}
		assertThat(ended).as("the browser test ended: " + output).isTrue();
		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).contains("browser test: 4 passed, 0 failed");
	}

	private static void skipUnless(boolean condition, String reason) {
		if (!condition) {
			System.out.println("SKIPPED GraphiQlBrowserTests: " + reason);
		}
		assumeTrue(condition, reason);
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (new File(dir, command).canExecute()) {
				return true;
			}
		}
		return false;
	}

}
