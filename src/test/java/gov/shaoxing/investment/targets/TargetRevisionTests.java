package gov.shaoxing.investment.targets;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.TokenIssuer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city supervisor revises targets: checked figures, safe retries, no lost updates,
 * history kept.
 */
@QuietServiceTest
class TargetRevisionTests {

	private static final String ZHUJI = "2012:ZHUJI:INDUSTRIAL_INVESTMENT";

	private static final String SERVICE = "2012:ZHUJI:SERVICE_PROJECTS";

	@LocalServerPort
	int port;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	TargetRepository repository;

	@Autowired
	TargetService targets;

	HttpGraphQlTester supervisor;

	Target before;

	Target serviceBefore;

	@BeforeEach
	void signIn(GraphQlTesters testers) {
		this.supervisor = testers.citySupervisor();
		this.before = this.repository.findById(ZHUJI).orElseThrow();
		this.serviceBefore = this.repository.findById(SERVICE).orElseThrow();
	}

	/** Other tests in this context read the plan's figures. */
	@AfterEach
	void restorePlanFigures() {
		this.targets.saveAll(List.of(this.before, this.serviceBefore));
	}

	private GraphQlTester.Response revise(Map<String, Object> fields) {
		Map<String, Object> input = new HashMap<>(fields);
		input.putIfAbsent("id", GlobalId.encode("Target", ZHUJI));
		input.putIfAbsent("reason", "年中调整");
		return this.supervisor.documentName("updateTarget").variable("i", input).execute();
	}

	private static List<String> codes(GraphQlTester.Response response) {
		return response.path("updateTarget.errors[*].code").entityList(String.class).get();
	}

	@Test
	void aRevisionKeepsThePlanFigureInItsHistory() {
		revise(Map.of("guaranteed", "200", "stretch", "240")).path("updateTarget.target.guaranteed")
			.entity(BigDecimal.class)
			.isEqualTo(new BigDecimal("200"))
			.path("updateTarget.target.stretch")
			.entity(BigDecimal.class)
			.isEqualTo(new BigDecimal("240"))
			.path("updateTarget.target.revisions[0].guaranteedBefore")
			.entity(BigDecimal.class)
			.satisfies((g) -> assertThat(g).isEqualByComparingTo(this.before.guaranteed()))
			.path("updateTarget.target.revisions[0].reason")
			.entity(String.class)
			.isEqualTo("年中调整");
		assertThat(this.repository.findById(ZHUJI).orElseThrow().guaranteed()).isEqualByComparingTo("200");
	}

	@Test
	void aRetriedRevisionChangesNothingMore() {
		int first = revise(Map.of("guaranteed", "201")).path("updateTarget.target.revision")
			.entity(Integer.class)
			.get();
		revise(Map.of("guaranteed", "201.00")).path("updateTarget.target.revision")
			.entity(Integer.class)
			.isEqualTo(first)
			.path("updateTarget.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(this.repository.findById(ZHUJI).orElseThrow().revisions()).hasSize(first);
	}

	@Test
	void aRevisionDecidedOnAnOldRevisionIsRefused() {
		int seen = this.before.revision();
		revise(Map.of("guaranteed", "202", "expectedRevision", seen)).path("updateTarget.errors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(codes(revise(Map.of("guaranteed", "203", "expectedRevision", seen))))
			.containsExactly("REVISION_CONFLICT");
		assertThat(this.repository.findById(ZHUJI).orElseThrow().guaranteed()).isEqualByComparingTo("202");
	}

	@Test
	void badFiguresAreRefusedWithTheirCodesAndNothingIsWritten() {
		assertThat(codes(revise(Map.of("guaranteed", "-1")))).containsExactly("NEGATIVE");
		assertThat(codes(revise(Map.of("guaranteed", "1.00001")))).containsExactly("TOO_PRECISE");
		assertThat(codes(revise(Map.of("guaranteed", "300")))).containsExactly("STRETCH_BELOW_GUARANTEED");
		assertThat(codes(revise(Map.of("reason", " ")))).containsExactly("REQUIRED", "NOTHING_TO_CHANGE");
		assertThat(codes(revise(Map.of("guaranteed", "1", "reason", "x".repeat(501))))).containsExactly("TOO_LONG");
		assertThat(codes(revise(Map.of("stretch", "300", "clearStretch", true)))).containsExactly("CONFLICTING_INPUT");
		assertThat(codes(revise(
				Map.of("id", GlobalId.encode("Target", "2012:ZHUJI:SEI_KEY_PLAN_PROJECTS"), "guaranteed", "2.5"))))
			.containsExactly("NOT_A_COUNT");
		assertThat(codes(revise(
				Map.of("id", GlobalId.encode("Target", "2012:ZHUJI:SEI_INVESTMENT_SHARE"), "guaranteed", "101"))))
			.containsExactly("OUT_OF_RANGE");
		assertThat(codes(
				revise(Map.of("id", GlobalId.encode("Target", "2099:ZHUJI:SEI_INVESTMENT_SHARE"), "guaranteed", "1"))))
			.containsExactly("NOT_FOUND");
		assertThat(this.repository.findById(ZHUJI).orElseThrow()).isEqualTo(this.before);
	}

	@Test
	void aDashboardSubscribedToTheDistrictSeesTheRevision() throws Exception {
		WebSocketGraphQlTester ws = WebSocketGraphQlTester
			.builder("ws://localhost:" + this.port + "/graphql", new StandardWebSocketClient())
			.interceptor(TestSecurity.webSocketToken(TestSecurity.token(this.issuer, Role.ANALYST, null)))
			.build();
		try {
			CompletableFuture<Map> seen = ws.documentName("zhujiTargetChanged")
				.executeSubscription()
				.toFlux("targetChanged", Map.class)
				.next()
				.toFuture();
			// the subscription starts asynchronously: revise until the subscriber hears
			// of a revision
			List<String> figures = List.of("205", "206");
			for (int i = 0; i < 20 && !seen.isDone(); i++) {
				revise(Map.of("guaranteed", figures.get(i % 2))).path("updateTarget.errors")
					.entityList(Object.class)
					.hasSize(0);
				Thread.sleep(500);
			}
			Map<?, ?> target = seen.get(10, TimeUnit.SECONDS);
			assertThat(target.get("indicator")).isEqualTo("INDUSTRIAL_INVESTMENT");
			assertThat(figures).contains(new BigDecimal(target.get("guaranteed").toString()).toPlainString());
			assertThat((Integer) target.get("revision")).isGreaterThan(this.before.revision());
		}
		finally {
			ws.stop().block(Duration.ofSeconds(10));
		}
	}

	@Test
	void completionIsMeasuredAgainstTheRevisedFigure() {
		BigDecimal rate = this.supervisor.documentName("zhujiServiceCompletion")
			.execute()
			.path("targets[0].completionRate")
			.entity(BigDecimal.class)
			.get();
		assertThat(rate).isPositive();
		BigDecimal doubled = this.serviceBefore.guaranteed().multiply(BigDecimal.valueOf(2));
		revise(Map.of("id", GlobalId.encode("Target", SERVICE), "guaranteed", doubled.toPlainString(), "clearStretch",
				true))
			.path("updateTarget.errors")
			.entityList(Object.class)
			.hasSize(0);
		BigDecimal revised = this.supervisor.documentName("zhujiServiceCompletion")
			.execute()
			.path("targets[0].completionRate")
			.entity(BigDecimal.class)
			.get();
		assertThat(revised.doubleValue()).isCloseTo(rate.doubleValue() / 2, Offset.offset(0.01));
	}

}
