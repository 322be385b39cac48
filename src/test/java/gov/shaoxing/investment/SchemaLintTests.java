package gov.shaoxing.investment;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema passes graphql-schema-linter's recommended rules (all but the three "sorted
 * alphabetically" ones): descriptions on every type, field and argument (mutations'
 * {@code input} included), capitalized descriptions, no unused types, Relay connections
 * by the spec. Skipped, saying why, where the npm packages of {@code src/test/browser}
 * are not installed ({@code .ci/run} installs them).
 */
class SchemaLintTests {

	static final List<String> RULES = List.of("arguments-have-descriptions", "defined-types-are-used",
			"deprecations-have-a-reason", "descriptions-are-capitalized", "enum-values-all-caps",
			"enum-values-have-descriptions", "fields-are-camel-cased", "fields-have-descriptions",
			"input-object-values-are-camel-cased", "input-object-values-have-descriptions",
			"relay-connection-types-spec", "relay-connection-arguments-spec", "relay-page-info-spec",
			"types-are-capitalized", "types-have-descriptions");

	@Test
	void theSchemaPassesTheRecommendedLintRules() throws Exception {
		Path linter = Path.of("src/test/browser/node_modules/.bin/graphql-schema-linter");
		if (!Files.isExecutable(linter)) {
			System.out.println("SKIPPED SchemaLintTests: graphql-schema-linter is not installed "
					+ "(npm ci --prefix src/test/browser)");
		}
		assumeTrue(Files.isExecutable(linter), "graphql-schema-linter is not installed");
		List<String> command = new ArrayList<>(
				List.of(linter.toAbsolutePath().toString(), "--rules", String.join(",", RULES), "-f", "compact"));
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().forEach((f) -> command.add(f.toString()));
		}
		Process lint = new ProcessBuilder(command).redirectErrorStream(true).directory(new File(".")).start();
		assertThat(lint.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(
				"graphql-schema-linter (" + RULES.size() + " rules): " + (report.isBlank() ? "no problems" : report));
		assertThat(report).as(report).isBlank();
		assertThat(lint.exitValue()).as(report).isZero();
		assertThat(command).hasSizeGreaterThan(RULES.size() > 0 ? 15 : 0);
	}

}
