package gov.shaoxing.investment.observability;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Per-field and per-batch observation work happens only when those observations are on,
 * as Spring Boot's {@code management.observations.enable.*} decides.
 */
class GraphQlObservationsTests {

	private final DataFetcher<?> fetcher = (env) -> "value";

	/** A registry with a handler, as the service's is: an empty one is a no-op. */
	private static ObservationRegistry observed() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Test
	void switchedOffObservationsLeaveFetchersAndTheLoaderRegistryAsTheyAre() {
		GraphQlObservations.Lean lean = new GraphQlObservations.Lean(observed(), null, null, null, false, false);
		DataLoaderRegistry registry = new DataLoaderRegistry();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").dataLoaderRegistry(registry).build();

		assertThat(lean.instrumentDataFetcher(this.fetcher, null, null)).isSameAs(this.fetcher);
		assertThat(lean.instrumentExecutionInput(input, null, null).getDataLoaderRegistry()).isSameAs(registry);
	}

	@Test
	void switchedOnObservationsWrapAsSpringForGraphQlDoes() {
		GraphQlObservations.Lean lean = new GraphQlObservations.Lean(observed(), null, null, null, true, true);
		DataLoaderRegistry registry = new DataLoaderRegistry();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").dataLoaderRegistry(registry).build();

		InstrumentationFieldFetchParameters field = mock(InstrumentationFieldFetchParameters.class);

		assertThat(lean.instrumentDataFetcher(this.fetcher, field,
				lean.createStateAsync(new InstrumentationCreateStateParameters(null, input)).join()))
			.isNotSameAs(this.fetcher);
		assertThat(lean.instrumentExecutionInput(input, null, null).getDataLoaderRegistry()).isNotSameAs(registry);
	}

	@Test
	void theSwitchIsTheNameThenEachPrefixThenAll() {
		assertThat(GraphQlObservations.enabled(new MockEnvironment(), "graphql.dataloader")).isTrue();
		assertThat(GraphQlObservations.enabled(
				new MockEnvironment().withProperty("management.observations.enable.graphql.dataloader", "false"),
				"graphql.dataloader"))
			.isFalse();
		assertThat(GraphQlObservations.enabled(
				new MockEnvironment().withProperty("management.observations.enable.graphql", "false"),
				"graphql.datafetcher"))
			.isFalse();
		assertThat(
				GraphQlObservations.enabled(
						new MockEnvironment().withProperty("management.observations.enable.all", "false")
							.withProperty("management.observations.enable.graphql.datafetcher", "true"),
						"graphql.datafetcher"))
			.isTrue();
		assertThat(GraphQlObservations.enabled(
				new MockEnvironment().withProperty("management.observations.enable.all", "false"),
				"graphql.dataloader"))
			.isFalse();
	}

}
