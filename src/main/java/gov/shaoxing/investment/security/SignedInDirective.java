package gov.shaoxing.investment.security;

import java.util.List;
import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;

/**
 * Fields marked {@code @signedIn} in the schema answer anonymous callers with null and an
 * error, on every path to them (aliases, fragments, node), because the check wraps the
 * field's data fetcher itself.
 */
@Configuration(proxyBeanMethods = false)
class SignedInDirective {

	static final String NAME = "signedIn";

	@Bean
	GraphQlSourceBuilderCustomizer signedInFields() {
		return (builder) -> builder.typeVisitors(List.of(new Visitor()));
	}

	static DataFetcherResult<Object> refusal(graphql.schema.DataFetchingEnvironment env, String what) {
		return DataFetcherResult.newResult()
			.error(GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.UNAUTHORIZED)
				.message(what)
				.extensions(Map.of("code", "SIGN_IN_REQUIRED"))
				.build())
			.build();
	}

	private static final class Visitor extends GraphQLTypeVisitorStub {

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!field.hasAppliedDirective(NAME)) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			GraphQLFieldsContainer parent = (GraphQLFieldsContainer) context.getParentNode();
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> {
				if (!CurrentActor.get().signedIn()) {
					return refusal(env,
							parent.getName() + "." + field.getName() + " is for signed-in staff; sign in first.");
				}
				return original.get(env);
			});
			return TraversalControl.CONTINUE;
		}

	}

}
