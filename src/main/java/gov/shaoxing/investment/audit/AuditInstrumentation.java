package gov.shaoxing.investment.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an audit record for every mutation, whatever its outcome: success, expected
 * failure (payload errors), denial or sign-in failure. Secrets (passwords) never reach
 * the record.
 */
@Component
class AuditInstrumentation extends SimplePerformantInstrumentation {

	private static final Logger log = LoggerFactory.getLogger(AuditInstrumentation.class);

	private final MongoTemplate mongo;

	AuditInstrumentation(MongoTemplate mongo) {
		this.mongo = mongo;
		AuditContext.use(mongo.getConverter());
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		DataFetchingEnvironment env = parameters.getEnvironment();
		if (!"Mutation"
			.equals(env.getParentType() instanceof graphql.schema.GraphQLObjectType o ? o.getName() : null)) {
			return dataFetcher;
		}
		return (DataFetcher<Object>) (e) -> {
			Actor actor = CurrentActor.get();
			AuditContext.clear();
			Object result;
			try {
				result = dataFetcher.get(e);
			}
			catch (Exception ex) {
				write(e, actor, AuditContext.take(), null, ex);
				throw ex;
			}
			AuditContext.Change change = AuditContext.take();
			if (result instanceof CompletionStage<?> stage) {
				return stage.whenComplete((value, ex) -> write(e, actor, change, value, ex));
			}
			if (result instanceof Mono<?> mono) {
				return mono.doOnSuccess((value) -> write(e, actor, change, value, null))
					.doOnError((ex) -> write(e, actor, change, null, ex));
			}
			write(e, actor, change, result, null);
			return result;
		};
	}

	private void write(DataFetchingEnvironment env, Actor actor, AuditContext.Change change, Object result,
			Throwable failure) {
		Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
				? c.getCause() : failure;
		String outcome = cause == null ? outcome(result) : (cause instanceof ApiException ? "DENIED" : "FAILED");
		List<String> errors = cause == null ? errorCodes(result)
				: List.of(cause instanceof ApiException api ? api.code().name() : "INTERNAL");
		Map<String, Object> input = withoutSecrets(env.getArguments());
		String who = actor.signedIn() ? actor.name()
				: ("login".equals(env.getField().getName()) && input.get("username") instanceof String u ? u
						: "anonymous");
		try {
			this.mongo.insert(new AuditRecord(Ids.next("A"), java.time.Instant.now(), who,
					actor.role() == null ? null : actor.role().name(),
					"login".equals(env.getField().getName()) && !"OK".equals(outcome) ? "LOGIN_FAILED"
							: env.getField().getName(),
					input, outcome, errors, change == null ? null : change.subjectType(),
					change == null ? null : change.subjectId(), change == null ? null : change.before(),
					change == null ? null : change.after()));
		}
		catch (RuntimeException ex) {
			log.error("Audit record for {} by {} could not be written: {}", env.getField().getName(), who,
					ex.toString());
		}
	}

	/**
	 * The arguments without passwords, at any depth (login's argument, a user input's
	 * field).
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> withoutSecrets(Map<String, Object> arguments) {
		Map<String, Object> copy = new LinkedHashMap<>();
		arguments.forEach((key, value) -> {
			if (key.toLowerCase(java.util.Locale.ROOT).contains("password")) {
				return;
			}
			copy.put(key, value instanceof Map<?, ?> nested ? withoutSecrets((Map<String, Object>) nested) : value);
		});
		return copy;
	}

	private static String outcome(Object result) {
		if (result instanceof DataFetcherResult<?> r && !r.getErrors().isEmpty()) {
			return "DENIED";
		}
		return errorCodes(result).isEmpty() ? "OK" : "REJECTED";
	}

	/**
	 * Payload errors of a mutation's result record, if it has an {@code errors()}
	 * component.
	 */
	private static List<String> errorCodes(Object result) {
		List<String> codes = new ArrayList<>();
		if (result != null && result.getClass().isRecord()) {
			for (var component : result.getClass().getRecordComponents()) {
				if (component.getName().equals("errors")) {
					try {
						java.lang.reflect.Method accessor = component.getAccessor();
						accessor.setAccessible(true);
						Object errors = accessor.invoke(result);
						if (errors instanceof List<?> list) {
							for (Object e : list) {
								if (e instanceof PayloadError p) {
									codes.add(p.code());
								}
							}
						}
					}
					catch (ReflectiveOperationException ex) {
						// not a payload
					}
				}
			}
		}
		return codes;
	}

}
