package gov.shaoxing.investment.limits;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import gov.shaoxing.investment.CommandCounter;
import gov.shaoxing.investment.GraphQlEndpoint;
import gov.shaoxing.investment.StorePathTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fragments count every time they are spread, for the number of fields, the depth, the
 * aliases and the cost, and a document that would expand to millions of fields is refused
 * in well under 100 ms without one store command. The read model is off so that an
 * admitted query visibly reaches the store.
 */
@StorePathTest
class FragmentLimitsTests {

	/**
	 * The fastest of three refusals must take less than this (or five trivial round trips
	 * on a machine so loaded that those take longer): a refusal takes about a
	 * millisecond, and the best of three leaves out pauses caused by other builds.
	 */
	static final long MAX_MILLIS = 100;

	/** Every refusal, however the machine is shared; an expansion would take seconds. */
	static final long MAX_MILLIS_EACH = 2_000;

	@LocalServerPort
	int port;

	@Autowired
	CommandCounter counter;

	GraphQlEndpoint client;

	@BeforeEach
	void connect() throws Exception {
		this.client = new GraphQlEndpoint(this.port);
		// warm the endpoint so that timings measure the refusal, not the first request
		this.client.query("{ __typename }").hasData();
		this.counter.reset();
	}

	/** The probe's document: F0 spreads F1 twice, … F30 selects districts' codes. */
	static String doublingFanOut(int levels, String leaf) {
		StringBuilder document = new StringBuilder("{ ...F0 }");
		for (int i = 0; i < levels; i++) {
			document.append(" fragment F")
				.append(i)
				.append(" on Query { ...F")
				.append(i + 1)
				.append(" ...F")
				.append(i + 1)
				.append(" }");
		}
		return document.append(" fragment F")
			.append(levels)
			.append(" on Query { ")
			.append(leaf)
			.append(" }")
			.toString();
	}

	/**
	 * The fastest of three round trips of {@code { __typename }}: on a machine shared by
	 * other builds the bound on refusals grows with it, since an expansion would take
	 * seconds (or the heap) however the CPUs are shared.
	 */
	long trivialMillis() throws Exception {
		long fastest = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 3; attempt++) {
			long start = System.nanoTime();
			this.client.query("{ __typename }").hasData();
			fastest = Math.min(fastest, (System.nanoTime() - start) / 1_000_000);
		}
		return fastest;
	}

	GraphQlEndpoint.Reply refusedQuickly(String document, String code, String... messageParts) throws Exception {
		long bound = Math.max(MAX_MILLIS, 5 * trivialMillis());
		long fastest = Long.MAX_VALUE;
		GraphQlEndpoint.Reply reply = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			long start = System.nanoTime();
			reply = this.client.query(document);
			long millis = (System.nanoTime() - start) / 1_000_000;
			reply.rejectedWith(code, messageParts);
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.body().has("data")).isFalse();
			assertThat(millis).as("milliseconds to refuse").isLessThan(MAX_MILLIS_EACH);
			fastest = Math.min(fastest, millis);
		}
		assertThat(this.counter.commands()).as("store commands").isEmpty();
		assertThat(fastest).as("fastest refusal in milliseconds").isLessThan(bound);
		return reply;
	}

	@Test
	void refusesTheThirtyOneLevelDoublingFanOutQuicklyWithoutTouchingTheStore() throws Exception {
		String document = doublingFanOut(30, "districts { code }");
		assertThat(document.length()).isLessThan(1300);
		refusedQuickly(document, "QUERY_TOO_LARGE", "limit of 10000", "investment.limits.max-fields");
		// and the service still answers, from the store
		this.client.query("{ districts { code } }").hasData();
		assertThat(this.counter.commands()).isNotEmpty();
	}

	@Test
	void countsTheFieldsOfAFanOutExactly() throws Exception {
		// 2^13 spreads of districts { code }: 8192 × 2 = 16384 fields
		refusedQuickly(doublingFanOut(13, "districts { code }"), "QUERY_TOO_LARGE", "selects 16384 fields");
		// 2^8 × 3 = 768 fields are allowed by the field limit; their cost is not: every
		// spread counts, 256 × (1 + 100 × (1 + 1))
		refusedQuickly(doublingFanOut(8, "projects(first: 100) { nodes { code } }"), "QUERY_TOO_COSTLY",
				"Query cost 51456");
	}

	@Test
	void refusesAFanOutThatCountsBeyondLongRange() throws Exception {
		refusedQuickly(doublingFanOut(80, "__typename"), "QUERY_TOO_LARGE", "more fields than can be counted");
	}

	@Test
	void refusesOneFragmentSpreadManyTimes() throws Exception {
		String fragment = "fragment Wide on District { "
				+ IntStream.range(0, 12).mapToObj((i) -> "code name").collect(Collectors.joining(" ")) + " }";
		String spreads = IntStream.range(0, 500)
			.mapToObj((i) -> "...Wide")
			.collect(Collectors.joining(" ", "{ districts { ", " } } "));
		refusedQuickly(spreads + fragment, "QUERY_TOO_LARGE", "selects 12001 fields");
	}

	@Test
	void countsDepthThroughNestedFragments() throws Exception {
		// each fragment goes one district → projects → nodes deeper: 4 fragments × 3 + 1
		StringBuilder document = new StringBuilder("{ district(code: \"ZHUJI\") { ...D0 } }");
		for (int i = 0; i < 6; i++) {
			document.append(" fragment D")
				.append(i)
				.append(" on District { projects(first: 1) { nodes { district { ...D")
				.append(i + 1)
				.append(" } } } }");
		}
		document.append(" fragment D6 on District { code }");
		refusedQuickly(document.toString(), "QUERY_TOO_DEEP", "Query depth 20", "investment.limits.max-depth");
	}

	@Test
	void countsAliasesInEverySpreadOfAFragment() throws Exception {
		String document = "{ ...A ...B } fragment A on Query { ...B ...B } fragment B on Query { "
				+ IntStream.range(0, 20).mapToObj((i) -> "x" + i + ": __typename").collect(Collectors.joining(" "))
				+ " }";
		refusedQuickly(document, "TOO_MANY_ALIASES", "60 aliases");
	}

	@Test
	void countsFanOutsInsideInlineFragmentsAndConnections() throws Exception {
		// inline fragments and connections do not hide spreads: 2^14 spreads of a
		// three-field selection
		StringBuilder document = new StringBuilder("{ projects(first: 1) { nodes { ... on Project { ...P0 } } } } ");
		for (int i = 0; i < 14; i++) {
			document.append("fragment P")
				.append(i)
				.append(" on Project { ... on Project { ...P")
				.append(i + 1)
				.append(" } ...P")
				.append(i + 1)
				.append(" } ");
		}
		document.append("fragment P14 on Project { code name }");
		refusedQuickly(document.toString(), "QUERY_TOO_LARGE", "investment.limits.max-fields");
	}

	@Test
	void refusesCyclicFragmentsWithAValidationErrorNotAStackOverflow() throws Exception {
		GraphQlEndpoint.Reply reply = this.client
			.query("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A districts { code } }");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.raw().body()).doesNotContain("Exception").doesNotContain("StackOverflow");
		assertThat(this.counter.commands()).isEmpty();
	}

	@Test
	void answersAQueryThatSpreadsFragmentsWithinTheLimits() throws Exception {
		GraphQlEndpoint.Reply reply = this.client.query(doublingFanOut(3, "districts { code }")).hasData();
		assertThat(reply.body().path("data").path("districts").size()).isEqualTo(11);
		// 8 spreads of districts { code }, each counted: 8 × (1 + 11)
		assertThat(reply.body().path("extensions").path("cost").path("requested").asLong()).isEqualTo(96);
	}

}
