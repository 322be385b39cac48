package gov.shaoxing.investment.limits;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * A developer tool, not a test: what {@link QueryLimitsInstrumentation} adds to each
 * trivial field. It runs one query of 2,000 objects × 5 property fields (10,001 fields)
 * through graphql-java without and with the instrumentation, alternating, and prints the
 * nanoseconds per field of each and their difference. Run it on a quiet machine:
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *   gov.shaoxing.investment.limits.FieldCostMeasurement
 * </pre>
 */
public final class FieldCostMeasurement {

	static final int OBJECTS = 2_000;

	static final String QUERY = "{ items { a b c d e } }";

	private FieldCostMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < OBJECTS; i++) {
			items.add(Map.of("a", "a" + i, "b", "b" + i, "c", i, "d", -i, "e", (i % 2) == 0));
		}
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse(
						"type Query { items: [Item] } " + "type Item { a: String b: String c: Int d: Int e: Boolean }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Query", (type) -> type.dataFetcher("items", (env) -> items))
					.build());
		GraphQL plain = GraphQL.newGraphQL(schema).build();
		GraphQL limited = GraphQL.newGraphQL(schema).instrumentation(limits()).build();
		long fields = 1 + OBJECTS * 5L;
		double[] plainNs = new double[rounds];
		double[] limitedNs = new double[rounds];
		for (int round = -3; round < rounds; round++) {
			double a = nanosPerRun(plain) / fields;
			double b = nanosPerRun(limited) / fields;
			if (round >= 0) {
				plainNs[round] = a;
				limitedNs[round] = b;
			}
		}
		Arrays.sort(plainNs);
		Arrays.sort(limitedNs);
		double p = plainNs[rounds / 2];
		double l = limitedNs[rounds / 2];
		System.out.printf("median ns per field: without instrumentation %.1f, with QueryLimitsInstrumentation %.1f, "
				+ "added %.1f ns (%.0f%%)%n", p, l, l - p, 100 * (l - p) / p);
	}

	/** The instrumentation with its default limits, whatever its properties' arity. */
	static Instrumentation limits() throws Exception {
		Constructor<?> constructor = LimitsProperties.class.getDeclaredConstructors()[0];
		LimitsProperties properties = (LimitsProperties) constructor
			.newInstance(new Object[constructor.getParameterCount()]);
		return new QueryLimitsInstrumentation(properties, 20, 100);
	}

	/** Mean time of one execution over about a second. */
	static double nanosPerRun(GraphQL graphQl) {
		long start = System.nanoTime();
		long runs = 0;
		while (System.nanoTime() - start < 1_000_000_000L) {
			ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput(QUERY).build());
			if (!result.getErrors().isEmpty() || ((Map<?, ?>) result.getData()).isEmpty()) {
				throw new IllegalStateException(result.getErrors().toString());
			}
			runs++;
		}
		return (System.nanoTime() - start) / (double) runs;
	}

}
