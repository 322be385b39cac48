package gov.shaoxing.investment.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ErrorMessage;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.Document;
import graphql.language.OperationDefinition.Operation;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.validation.ValidationError;

import org.springframework.graphql.execution.ErrorType;

/**
 * Enforces the query limits inside graphql-java, before any data fetcher runs: depth and
 * aliases and the number of fields before validation, cost once variables are known, and
 * the execution deadline by cancelling the execution when it passes. It also turns the
 * parser's and the introspection switch's own refusals into errors with a stable code,
 * and reports the cost on every response in {@code extensions.cost}. Parsing and
 * validation, and so the depth and alias checks, happen once per query text
 * ({@link PersistedQueries} caches the document); the cost once per document and
 * page-size variables ({@link CostMemo}). Queries then execute only as many at once as
 * {@link QueryAdmission} lets in.
 */
class QueryLimitsInstrumentation implements Instrumentation, AutoCloseable {

	/**
	 * GraphQL context key set by the {@code GET} handler (package {@code web}); a stored
	 * persisted query run by {@code GET} must still be a query.
	 */
	static final String HTTP_GET = "investment.http.get";

	private final LimitsProperties limits;

	private final int defaultPageSize;

	private final int maxPageSize;

	private final ScheduledThreadPoolExecutor deadlines;

	private final QueryAdmission admission;

	QueryLimitsInstrumentation(LimitsProperties limits, int defaultPageSize, int maxPageSize) {
		this.limits = limits;
		this.admission = new QueryAdmission(limits.concurrentQueries());
		this.defaultPageSize = defaultPageSize;
		this.maxPageSize = maxPageSize;
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "query-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		// most requests end well before their deadline: their timers go at once
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		ExecutionInput input = parameters.getExecutionInput();
		long timeout = this.limits.timeout().toNanos();
		State state = new State(System.nanoTime() + timeout);
		if (timeout <= 0) {
			state.expire(input);
		}
		else {
			// one timer per request, not a check per field: graphql-java stops a
			// cancelled
			// execution at the next object it resolves, and trivial fields keep its fast
			// path
			state.timer = this.deadlines.schedule(() -> state.expire(input), timeout, TimeUnit.NANOSECONDS);
		}
		return state;
	}

	/** Turns of the query admission free now, for tests. */
	int admissionsAvailable() {
		return this.admission.available();
	}

	/** Stops the timer thread when the application context closes. */
	@Override
	public void close() {
		this.deadlines.shutdownNow();
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		String query = parameters.getQuery();
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure != null) {
				((State) state).parseFailure = failure;
				((State) state).queryLength = (query != null) ? query.length() : 0;
			}
		});
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		QueryShape shape = QueryShape.of(parameters.getDocument());
		if (shape.depth() > this.limits.maxDepth()) {
			throw LimitErrors.abort(ErrorCode.QUERY_TOO_DEEP, shape.depth(), this.limits.maxDepth());
		}
		if (shape.aliases() > this.limits.maxAliases()) {
			throw LimitErrors.abort(ErrorCode.TOO_MANY_ALIASES, shape.aliases(), this.limits.maxAliases());
		}
		if (shape.fields() > this.limits.maxFields()) {
			ErrorMessage message = (shape.fields() == Long.MAX_VALUE)
					? ErrorMessage.detailed(ErrorCode.QUERY_TOO_LARGE, "uncountedFields", this.limits.maxFields())
					: ErrorMessage.detailed(ErrorCode.QUERY_TOO_LARGE, "fields", shape.fields(),
							this.limits.maxFields());
			throw new AbortExecutionException(List.of(LimitErrors.error(message, Map.of())));
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		((State) state).expireIfDue(context.getExecutionInput());
		Operation operation = context.getOperationDefinition().getOperation();
		if (context.getGraphQLContext().getBoolean(HTTP_GET, false) && operation != Operation.QUERY) {
			throw new AbortExecutionException(
					List.of(LimitErrors.error(ErrorMessage.detailed(ErrorCode.OPERATION_NOT_ALLOWED, "get",
							operation.name().toLowerCase(Locale.ROOT)), Map.of())));
		}
		// a cached document brings the costs already worked out for it (see CostMemo)
		CostMemo memo = context.getGraphQLContext().get(CostMemo.CONTEXT_KEY);
		String operationName = context.getExecutionInput().getOperationName();
		Map<String, Object> variables = context.getCoercedVariables().toMap();
		Long known = (memo != null) ? memo.get(operationName, variables) : null;
		long cost;
		if (known != null) {
			cost = known;
		}
		else {
			cost = cost(context);
			if (memo != null) {
				memo.put(operationName, variables, cost);
			}
		}
		((State) state).cost = cost;
		if (cost > this.limits.maxCost()) {
			throw LimitErrors.abort(ErrorCode.QUERY_TOO_COSTLY, (cost == Long.MAX_VALUE) ? "∞" : cost,
					this.limits.maxCost());
		}
		if (operation != Operation.QUERY) {
			return SimpleInstrumentationContext.noOp();
		}
		State current = (State) state;
		if (!this.admission.enter(current.deadline)) {
			current.expire(context.getExecutionInput());
			throw new AbortExecutionException(List.of(LimitErrors.error(timeoutMessage(), Map.of())));
		}
		current.admitted.set(true);
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> current.leave(this.admission));
	}

	private long cost(ExecutionContext context) {
		return new QueryCost(context.getGraphQLSchema(), this.defaultPageSize, this.maxPageSize)
			.of(context.getOperationDefinition(), context.getFragmentsByName(), context.getCoercedVariables().toMap());
	}

	ErrorMessage timeoutMessage() {
		long millis = this.limits.timeout().toMillis();
		String limit = (millis > 0) ? millis + " ms" : this.limits.timeout().toNanos() + " ns";
		return ErrorCode.QUERY_TIMEOUT.message(limit);
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		State current = (State) state;
		if (current.timer != null) {
			current.timer.cancel(false);
		}
		// also here: an instrumentation after this one may have refused the operation
		current.leave(this.admission);
		List<GraphQLError> errors = new ArrayList<>();
		boolean timeoutReported = false;
		for (GraphQLError error : result.getErrors()) {
			GraphQLError parseLimit = (error.getErrorType() == graphql.ErrorType.InvalidSyntax)
					? parseLimitError(current) : null;
			if (parseLimit != null) {
				errors.add(parseLimit);
			}
			else if (error instanceof IntrospectionDisabledError) {
				errors.add(LimitErrors.error(ErrorCode.INTROSPECTION_DISABLED));
			}
			else if (current.timedOut && error instanceof NonNullableFieldWasNullError) {
				// a consequence of the timeout, reported once below
			}
			else if (current.timedOut && (isTimeout(error) || error instanceof AbortExecutionException)) {
				// graphql-java's own words for a cancelled execution become the timeout
				// error, once
				if (!timeoutReported) {
					errors.add(LimitErrors.error(timeoutMessage(), Map.of()));
					timeoutReported = true;
				}
			}
			else {
				errors.add(error);
			}
		}
		errors.replaceAll(EngineErrors::normalize);
		return CompletableFuture.completedFuture(result.transform((builder) -> {
			builder.errors(errors);
			if (current.cost != null) {
				Map<String, Object> cost = new LinkedHashMap<>();
				cost.put("requested", current.cost);
				cost.put("limit", this.limits.maxCost());
				builder.addExtension("cost", cost);
			}
		}));
	}

	private static boolean isTimeout(GraphQLError error) {
		return LimitErrors.hasCode(error, ErrorCode.QUERY_TIMEOUT);
	}

	private GraphQLError parseLimitError(State state) {
		Throwable failure = state.parseFailure;
		if (failure instanceof ParseCancelledTooManyCharsException) {
			return LimitErrors.error(ErrorMessage.detailed(ErrorCode.QUERY_TOO_LARGE, "characters", state.queryLength,
					this.limits.maxCharacters()), Map.of());
		}
		if (failure instanceof ParseCancelledTooDeepException) {
			return LimitErrors.error(ErrorMessage.detailed(ErrorCode.QUERY_TOO_DEEP, "parser",
					graphql.parser.ParserOptions.MAX_RULE_DEPTH, this.limits.maxDepth()), Map.of());
		}
		if (failure instanceof ParseCancelledException) {
			return LimitErrors
				.error(ErrorMessage.detailed(ErrorCode.QUERY_TOO_LARGE, "tokens", this.limits.maxTokens()), Map.of());
		}
		// an ordinary syntax error keeps graphql-java's message, which quotes the
		// offending token
		return null;
	}

	/** What one execution has learnt so far. */
	static final class State implements InstrumentationState {

		final long deadline;

		volatile ScheduledFuture<?> timer;

		volatile Long cost;

		volatile Throwable parseFailure;

		volatile int queryLength;

		volatile boolean timedOut;

		/** Holds a turn of {@link QueryAdmission}, to give back once. */
		final AtomicBoolean admitted = new AtomicBoolean();

		State(long deadline) {
			this.deadline = deadline;
		}

		void expire(ExecutionInput input) {
			this.timedOut = true;
			input.cancel();
		}

		void leave(QueryAdmission admission) {
			if (this.admitted.compareAndSet(true, false)) {
				admission.leave();
			}
		}

		/** The timer thread may lag; a request that is due is stopped all the same. */
		void expireIfDue(ExecutionInput input) {
			if (!this.timedOut && System.nanoTime() - this.deadline >= 0) {
				expire(input);
			}
		}

	}

}
