package gov.shaoxing.investment.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The GraphQL-over-HTTP audit that client libraries are checked against: all 61 of
 * graphql-http's server audits (MUST, SHOULD and MAY) pass. Skipped, saying why, where
 * the npm packages of {@code src/test/browser} are not installed ({@code .ci/run}
 * installs them).
 */
@ServiceTest
class GraphQlHttpAuditTests {

	@LocalServerPort
	int port;

	@Test
	void everyGraphQlOverHttpAuditPasses() throws Exception {
		boolean installed = Files.isDirectory(GraphiQlBrowserTests.SCRIPT_DIR.resolve("node_modules/graphql-http"));
		if (!installed) {
			System.out.println("SKIPPED GraphQlHttpAuditTests: graphql-http is not installed "
					+ "(npm ci --prefix src/test/browser)");
		}
		assumeTrue(installed, "graphql-http is not installed");
		Process node = new ProcessBuilder("node", "http-audit.mjs", "http://localhost:" + this.port + "/graphql")
			.directory(GraphiQlBrowserTests.SCRIPT_DIR.toFile())
			.redirectErrorStream(true)
			.start();
		boolean ended = node.waitFor(2, TimeUnit.MINUTES);
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		if (!ended) {
			node.destroyForcibly();
		}
		assertThat(ended).as("the audit ended: " + output).isTrue();
		assertThat(output).contains("graphql-http audit: 61/61 ok, 0 warn, 0 error");
	}

}
