package gov.shaoxing.investment.observability;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.DataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * The {@code graphql.request} observation (its timer and span) without the per-field and
 * per-batch work when those observations are off
 * ({@code management.observations.enable.graphql.datafetcher} and {@code .dataloader},
 * both off in application.yml). Spring for GraphQL still wraps every data fetcher and
 * every batch load when they are off, and its batch-load wrapper then throws and catches
 * a {@code ClassCastException} per batch (it casts the disabled observation's context):
 * 113 MB of stack traces in 12 s of project cards. Turned back on, both behave as before.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

	private static final String ENABLE = "management.observations.enable.";

	@Bean
	GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry,
			ObjectProvider<ExecutionRequestObservationConvention> request,
			ObjectProvider<DataFetcherObservationConvention> fetcher,
			ObjectProvider<DataLoaderObservationConvention> loader, Environment environment) {
		return new Lean(registry, request.getIfAvailable(), fetcher.getIfAvailable(), loader.getIfAvailable(),
				enabled(environment, "graphql.datafetcher"), enabled(environment, "graphql.dataloader"));
	}

	/** As Spring Boot decides it: the name, then each shorter prefix, then all. */
	static boolean enabled(Environment environment, String name) {
		String key = name;
		while (true) {
			Boolean value = environment.getProperty(ENABLE + key, Boolean.class);
			if (value != null) {
				return value;
			}
			int dot = key.lastIndexOf('.');
			if (dot < 0) {
				return environment.getProperty(ENABLE + "all", Boolean.class, true);
			}
			key = key.substring(0, dot);
		}
	}

	static final class Lean extends GraphQlObservationInstrumentation {

		private final boolean fetchers;

		private final boolean loaders;

		Lean(ObservationRegistry registry, ExecutionRequestObservationConvention request,
				DataFetcherObservationConvention fetcher, DataLoaderObservationConvention loader, boolean fetchers,
				boolean loaders) {
			super(registry, request, fetcher, loader);
			this.fetchers = fetchers;
			this.loaders = loaders;
		}

		@Override
		public ExecutionInput instrumentExecutionInput(ExecutionInput input,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			// the superclass rebuilds the request's DataLoader registry only to observe
			// batches
			return this.loaders ? super.instrumentExecutionInput(input, parameters, state) : input;
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return this.fetchers ? super.instrumentDataFetcher(fetcher, parameters, state) : fetcher;
		}

	}

}
