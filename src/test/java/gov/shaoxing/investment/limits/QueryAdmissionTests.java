package gov.shaoxing.investment.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code investment.limits.concurrent-queries} lets only so many queries execute at once;
 * the others wait their turn within the timeout, and mutations never wait.
 */
class QueryAdmissionTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch slowStarted = new CountDownLatch(1);

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger mostRunning = new AtomicInteger();

	private final ExecutorService callers = Executors.newFixedThreadPool(4);

	@AfterEach
	void stopCallers() {
		this.release.countDown();
		this.callers.shutdownNow();
	}

	@Test
	void aQueryWaitsForTheOneRunningAndThenAnswers() throws Exception {
		QueryLimitsInstrumentation limits = limits(1, Duration.ofSeconds(10));
		GraphQL graphQl = graphQl(limits);
		Future<ExecutionResult> slow = startSlowQuery(graphQl);
		Future<ExecutionResult> fast = this.callers.submit(() -> graphQl.execute("{ fast }"));

		Thread.sleep(200);
		assertThat(fast).isNotDone();
		this.release.countDown();

		assertThat(slow.get(5, TimeUnit.SECONDS).<Map<String, Object>>getData()).containsEntry("slow", "slow");
		assertThat(fast.get(5, TimeUnit.SECONDS).<Map<String, Object>>getData()).containsEntry("fast", "fast");
		assertThat(this.mostRunning).hasValue(1);
		assertThat(limits.admissionsAvailable()).isEqualTo(1);
	}

	@Test
	void aQueryThatGetsNoTurnWithinTheTimeoutIsAnsweredWithQueryTimeout() throws Exception {
		QueryLimitsInstrumentation limits = limits(1, Duration.ofMillis(300));
		GraphQL graphQl = graphQl(limits);
		startSlowQuery(graphQl);

		ExecutionResult waited = graphQl.execute("{ fast }");

		assertThat(waited.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TIMEOUT"));
		assertThat((Object) waited.getData()).isNull();
		this.release.countDown();
	}

	@Test
	void aMutationRunsWhileEveryTurnIsTaken() throws Exception {
		QueryLimitsInstrumentation limits = limits(1, Duration.ofSeconds(10));
		GraphQL graphQl = graphQl(limits);
		startSlowQuery(graphQl);

		ExecutionResult write = withoutWaiting(graphQl, "mutation { write }");

		assertThat(write.<Map<String, Object>>getData()).containsEntry("write", "written");
		this.release.countDown();
	}

	@Test
	void turnsAreGivenBackAfterAnswersAndRefusals() {
		QueryLimitsInstrumentation limits = limits(2, Duration.ofSeconds(10));
		GraphQL graphQl = graphQl(limits);
		this.release.countDown();

		for (int i = 0; i < 10; i++) {
			assertThat(graphQl.execute("{ fast }").getErrors()).isEmpty();
			assertThat(graphQl.execute("{ missing }").getErrors()).isNotEmpty();
			assertThat(graphQl.execute("{ failing }").getErrors()).isNotEmpty();
		}

		assertThat(limits.admissionsAvailable()).isEqualTo(2);
	}

	@Test
	void zeroMeansNoBound() throws Exception {
		QueryLimitsInstrumentation limits = limits(0, Duration.ofSeconds(10));
		GraphQL graphQl = graphQl(limits);
		startSlowQuery(graphQl);

		ExecutionResult fast = withoutWaiting(graphQl, "{ fast }");

		assertThat(fast.<Map<String, Object>>getData()).containsEntry("fast", "fast");
	}

	/**
	 * Starts {@code { slow }} on another thread and returns once it is inside its
	 * fetcher.
	 */
	private Future<ExecutionResult> startSlowQuery(GraphQL graphQl) throws InterruptedException {
		Future<ExecutionResult> slow = this.callers.submit(() -> graphQl.execute("{ slow }"));
		assertThat(this.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
		return slow;
	}

	/** Runs the operation on another thread; fails unless it answers within 2 s. */
	private static ExecutionResult withoutWaiting(GraphQL graphQl, String operation) throws Exception {
		return CompletableFuture.supplyAsync(() -> graphQl.execute(operation)).get(2, TimeUnit.SECONDS);
	}

	private static QueryLimitsInstrumentation limits(int concurrentQueries, Duration timeout) {
		return new QueryLimitsInstrumentation(
				new LimitsProperties(null, null, null, null, null, null, timeout, concurrentQueries, null, null, null),
				20, 100);
	}

	private GraphQL graphQl(QueryLimitsInstrumentation limits) {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { slow: String fast: String failing: String } "
						+ "type Mutation { write: String }"),
				RuntimeWiring.newRuntimeWiring().type("Query", (type) -> type.dataFetcher("slow", counted(() -> {
					this.slowStarted.countDown();
					this.release.await();
					return "slow";
				})).dataFetcher("fast", counted(() -> "fast")).dataFetcher("failing", counted(() -> {
					throw new IllegalStateException("failing on purpose");
				}))).type("Mutation", (type) -> type.dataFetcher("write", (environment) -> "written")).build());
		return GraphQL.newGraphQL(schema).instrumentation(limits).build();
	}

	/** A fetcher that records how many queries were inside one at once. */
	private DataFetcher<Object> counted(Body body) {
		return (environment) -> {
			this.mostRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				return body.run();
			}
			finally {
				this.running.decrementAndGet();
			}
		};
	}

	interface Body {

		Object run() throws Exception;

	}

}
