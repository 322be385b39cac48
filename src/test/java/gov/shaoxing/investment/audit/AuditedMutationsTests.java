package gov.shaoxing.investment.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ApiException;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change is acknowledged only with its audit record, and only mutation fields pay for
 * auditing.
 */
class AuditedMutationsTests {

	static final String SCHEMA = "type Query { count: Int } type Mutation { change(amount: String): String }";

	final DataFetcher<Integer> count = (env) -> 7;

	final List<AuditTrail.Attempt> written = new ArrayList<>();

	private GraphQlSource source(AuditTrail trail) {
		GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
			.schemaResources(new ByteArrayResource(SCHEMA.getBytes(StandardCharsets.UTF_8)))
			.configureRuntimeWiring((wiring) -> wiring.type("Query", (t) -> t.dataFetcher("count", this.count))
				.type("Mutation", (t) -> t.dataFetcher("change", (env) -> "changed " + env.getArgument("amount"))));
		// errors say what the data fetcher threw, as the service's resolver does for
		// ApiException
		builder.exceptionResolvers(
				List.of(DataFetcherExceptionResolver.forSingleError((ex, env) -> GraphqlErrorBuilder.newError(env)
					.message(ex instanceof ApiException api ? api.message().getCodes()[0] : ex.getMessage())
					.build())));
		new AuditedMutations().auditedMutationFields(trail).customize(builder);
		return builder.build();
	}

	private final AuditTrail recording = new AuditTrail(null, false) {
		@Override
		void write(Attempt attempt) {
			AuditedMutationsTests.this.written.add(attempt);
		}
	};

	private final AuditTrail failing = new AuditTrail(null, false) {
		@Override
		void write(Attempt attempt) {
			throw new IllegalStateException("the disk is full");
		}
	};

	@Test
	void aChangeIsAnsweredOnceItsRecordIsWritten() {
		ExecutionResult result = source(this.recording).graphQl().execute("mutation { change(amount: \"1e7000\") }");
		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsEntry("change", "changed 1e7000");
		assertThat(this.written).singleElement().satisfies((a) -> {
			assertThat(a.action()).isEqualTo("change");
			assertThat(a.outcome()).isEqualTo("OK");
			assertThat(AuditTrail.safe(a.arguments())).containsEntry("amount", "1e7000");
		});
	}

	@Test
	void aChangeWhoseRecordCannotBeWrittenFails() {
		ExecutionResult result = source(this.failing).graphQl().execute("mutation { change(amount: \"1\") }");
		assertThat(result.<Map<String, Object>>getData()).containsEntry("change", null);
		assertThat(result.getErrors()).singleElement()
			.satisfies((e) -> assertThat(e.getMessage()).isEqualTo("error.STORE_UNAVAILABLE.audit"));
	}

	@Test
	void queriesAreNotAudited() {
		assertThat(source(this.recording).graphQl().execute("{ count }").<Map<String, Object>>getData())
			.containsEntry("count", 7);
		assertThat(this.written).isEmpty();
	}

	@Test
	void inputsAreKeptInAFormTheStoreAlwaysTakes() {
		Map<String, Object> safe = AuditTrail.safe(Map.of("input", Map.of("plannedInvestment", new BigDecimal("1e7000"),
				"plannedFinish", LocalDate.MAX, "password", "secret", "count", 3, "$where", "x.y")));
		assertThat(safe).containsOnlyKeys("input");
		assertThat((Map<String, Object>) safe.get("input")).containsEntry("plannedInvestment", "1E+7000")
			.containsEntry("plannedFinish", "+999999999-12-31")
			.containsEntry("count", 3)
			.containsEntry("_$where", "x.y")
			.doesNotContainKey("password");
	}

}
