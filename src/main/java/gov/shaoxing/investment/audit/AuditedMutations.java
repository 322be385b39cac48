package gov.shaoxing.investment.audit;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Audits every mutation attempt, whatever its outcome: success, expected failure (payload
 * errors), denial or sign-in failure. Only the root fields of {@code Mutation} are
 * wrapped, once, when the schema is built; no other field pays for auditing. A change the
 * service made is acknowledged only once its record is written: if the record cannot be
 * written the mutation fails ({@code STORE_UNAVAILABLE}), and the client's retry, which
 * changes nothing twice, writes it. Requests refused before any mutation ran are audited
 * by {@link RefusedMutations}.
 */
@Configuration(proxyBeanMethods = false)
class AuditedMutations {

	private static final Logger log = LoggerFactory.getLogger(AuditedMutations.class);

	static final String MUTATION = "Mutation";

	@Bean
	GraphQlSourceBuilderCustomizer auditedMutationFields(AuditTrail trail) {
		return (builder) -> builder.typeVisitors(List.of(new Visitor(trail)));
	}

	private static final class Visitor extends GraphQLTypeVisitorStub {

		private final AuditTrail trail;

		Visitor(AuditTrail trail) {
			this.trail = trail;
		}

		@Override
		public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
				TraverserContext<GraphQLSchemaElement> context) {
			if (!(context.getParentNode() instanceof GraphQLFieldsContainer parent)
					|| !MUTATION.equals(parent.getName())) {
				return TraversalControl.CONTINUE;
			}
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
			DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
			registry.dataFetcher(coordinates, (DataFetcher<Object>) (env) -> audited(original, env));
			return TraversalControl.CONTINUE;
		}

		private Object audited(DataFetcher<?> original, DataFetchingEnvironment env) throws Exception {
			String action = env.getField().getName();
			Actor actor = CurrentActor.get();
			AuditContext.clear();
			Object result;
			try {
				result = original.get(env);
			}
			catch (Exception ex) {
				this.trail.writeRefused(AuditTrail.failed(action, actor, env.getArguments(), AuditContext.take(), ex));
				throw ex;
			}
			AuditContext.Change change = AuditContext.take();
			if (result instanceof CompletionStage<?> stage) {
				return stage.handle((value, ex) -> {
					if (ex != null) {
						this.trail.writeRefused(AuditTrail.failed(action, actor, env.getArguments(), change, ex));
						throw ex instanceof CompletionException c ? c : new CompletionException(ex);
					}
					return acknowledged(AuditTrail.returned(action, actor, env.getArguments(), change, value), value);
				});
			}
			if (result instanceof Mono<?> mono) {
				return mono
					.map((value) -> acknowledged(AuditTrail.returned(action, actor, env.getArguments(), change, value),
							value))
					.doOnError((ex) -> this.trail
						.writeRefused(AuditTrail.failed(action, actor, env.getArguments(), change, ex)));
			}
			return acknowledged(AuditTrail.returned(action, actor, env.getArguments(), change, result), result);
		}

		/**
		 * The result, once its record is written; a refusal's record may fail (logged).
		 */
		private <T> T acknowledged(AuditTrail.Attempt attempt, T result) {
			if (!AuditTrail.OK.equals(attempt.outcome())) {
				this.trail.writeRefused(attempt);
				return result;
			}
			try {
				this.trail.write(attempt);
			}
			catch (RuntimeException ex) {
				log.error("Audit record for {} by {} could not be written; the request fails: {}", attempt.action(),
						attempt.actor().name(), ex.toString());
				throw ApiException.detailed(ErrorCode.STORE_UNAVAILABLE, "audit", null);
			}
			return result;
		}

	}

}
