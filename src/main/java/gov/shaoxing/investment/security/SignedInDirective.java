package gov.shaoxing.investment.security;

import java.util.List;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorRenderer;

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

/**
 * Fields marked {@code @signedIn} in the schema answer anonymous callers with null and an
 * error, on every path to them (aliases, fragments, node), because the check wraps the
 * field's data fetcher itself.
 */
@Configuration(proxyBeanMethods = false)
class SignedInDirective {

	static final String NAME = "signedIn";

	@Bean
	GraphQlSourceBuilderCustomizer signedInFields(ErrorRenderer errors) {
		return (builder) -> builder.typeVisitors(List.of(new Visitor(errors)));
	}

	private static final class Visitor extends GraphQLTypeVisitorStub {

		private final ErrorRenderer errors;

		Visitor(ErrorRenderer errors) {
			this.errors = errors;
		}

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
					return this.errors.refusal(env,
							ErrorCode.SIGN_IN_REQUIRED.message(parent.getName() + "." + field.getName()));
				}
				return original.get(env);
			});
			return TraversalControl.CONTINUE;
		}

	}

}
