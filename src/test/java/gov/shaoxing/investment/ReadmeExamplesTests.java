package gov.shaoxing.investment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code graphql} example in README.md is valid against the schema, so a reader can
 * copy it as written.
 */
class ReadmeExamplesTests {

	private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyGraphQlExampleOfTheReadmeValidatesAgainstTheSchema() throws IOException {
		GraphQLSchema schema = schema();
		Matcher blocks = GRAPHQL_BLOCK.matcher(Files.readString(Path.of("README.md")));
		List<String> examples = new ArrayList<>();
		while (blocks.find()) {
			examples.add(blocks.group(1));
		}
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		for (String example : examples) {
			for (String operation : operations(example)) {
				Document document = Parser.parse(operation);
				List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
				assertThat(errors).as(operation).isEmpty();
			}
		}
	}

	/**
	 * A block may hold several operations one after another, each starting at the start
	 * of a line, with comments between.
	 */
	private static List<String> operations(String block) {
		List<String> operations = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : block.split("\n")) {
			boolean starts = line.startsWith("{") || line.startsWith("query") || line.startsWith("mutation")
					|| line.startsWith("subscription");
			if (starts && hasCode(current.toString())) {
				operations.add(current.toString());
				current.setLength(0);
			}
			current.append(line).append('\n');
		}
		operations.add(current.toString());
		return operations.stream().filter(ReadmeExamplesTests::hasCode).toList();
	}

	private static boolean hasCode(String text) {
		return text.lines().anyMatch((line) -> !line.isBlank() && !line.strip().startsWith("#"));
	}

	private static GraphQLSchema schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".graphqls")).sorted().toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

}
