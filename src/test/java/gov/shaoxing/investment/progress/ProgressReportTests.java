package gov.shaoxing.investment.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.InProcessTest;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.indicator.IndicatorReportService;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.targets.Indicator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports from the field: retries never double count, replacements replace, totals stay
 * exact.
 */
@InProcessTest
@ExtendWith(TestSecurity.SignedInAsAdmin.class)
class ProgressReportTests {

	@Autowired
	ExecutionGraphQlServiceTester graphQl;

	@Autowired
	ProgressService progress;

	@Autowired
	MongoTemplate mongo;

	private static String project(int n) {
		return GlobalId.encode("Project", String.format("DEMO-SVC-%03d", n));
	}

	private static SubmitProgressReportInput input(String projectId, int month, int half, String amount, String key) {
		return new SubmitProgressReportInput(projectId, new SubmitProgressReportInput.PeriodInput(2012, month, half),
				new BigDecimal(amount), new BigDecimal("30"), null, null, null, key);
	}

	private BigDecimal cumulative(String projectId) {
		ProjectProgress p = this.mongo.findById(GlobalId.keyOf(projectId, "Project"), ProjectProgress.class);
		return p == null ? BigDecimal.ZERO : p.cumulativeInvestment();
	}

	private long reports(String projectId) {
		return this.mongo.count(Query.query(Criteria.where("projectCode").is(GlobalId.keyOf(projectId, "Project"))),
				ProgressReport.class);
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheOriginalAndWritesNothing() {
		String p = project(1);
		this.graphQl.documentName("submitReport")
			.variable("input",
					Map.of("projectId", p, "period", Map.of("year", 2012, "month", 3, "half", 1), "investmentCompleted",
							"1.25", "physicalProgressPercent", 30, "idempotencyKey", "retry-key-1"))
			.execute()
			.path("submitProgressReport.errors")
			.entityList(Object.class)
			.hasSize(0)
			.path("submitProgressReport.project.progress.cumulativeInvestment")
			.entity(BigDecimal.class)
			.satisfies((v) -> assertThat(v).isEqualByComparingTo("1.25"));
		String first = this.progress.submit(input(p, 3, 1, "1.25", "retry-key-1"), TestSecurity.ADMIN).report().id();
		for (int i = 0; i < 3; i++) {
			assertThat(this.progress.submit(input(p, 3, 1, "1.250", "retry-key-1"), TestSecurity.ADMIN).report().id())
				.isEqualTo(first);
		}
		assertThat(reports(p)).isEqualTo(1);
		assertThat(cumulative(p)).isEqualByComparingTo("1.25");
	}

	@Test
	void theSameKeyWithDifferentInputIsRefused() {
		String p = project(2);
		this.progress.submit(input(p, 4, 1, "2.00", "reused-key-1"), TestSecurity.ADMIN);
		this.graphQl.documentName("submitReport")
			.variable("input",
					Map.of("projectId", p, "period", Map.of("year", 2012, "month", 4, "half", 1), "investmentCompleted",
							"9.00", "physicalProgressPercent", 20, "idempotencyKey", "reused-key-1"))
			.execute()
			.path("submitProgressReport.report")
			.valueIsNull()
			.path("submitProgressReport.errors[0].code")
			.entity(String.class)
			.isEqualTo("IDEMPOTENCY_KEY_REUSED")
			.path("submitProgressReport.errors[0].field")
			.entity(String.class)
			.isEqualTo("input.idempotencyKey");
		assertThat(cumulative(p)).isEqualByComparingTo("2.00");
	}

	@Test
	void aNewReportForTheSamePeriodReplacesTheOldOne() {
		String p = project(3);
		String old = this.progress.submit(input(p, 5, 1, "1.00", "replace-key-1"), TestSecurity.ADMIN).report().id();
		this.progress.submit(input(p, 5, 2, "0.50", "replace-key-2"), TestSecurity.ADMIN);
		this.progress.submit(input(p, 5, 1, "3.00", "replace-key-3"), TestSecurity.ADMIN);
		assertThat(cumulative(p)).isEqualByComparingTo("3.50");
		assertThat(this.mongo.findById(old, ProgressReport.class).current()).isFalse();
		this.graphQl.documentName("projectReports")
			.variable("id", p)
			.execute()
			.path("project.reports.totalCount")
			.entity(Integer.class)
			.isEqualTo(2)
			.path("project.all.totalCount")
			.entity(Integer.class)
			.isEqualTo(3);
	}

	@Test
	void aLateRetryOfAReplacedReportDoesNotBringItsFiguresBack() {
		String p = project(4);
		String older = this.progress.submit(input(p, 2, 2, "1.00", "late-key-1"), TestSecurity.ADMIN).report().id();
		this.progress.submit(input(p, 2, 2, "2.00", "late-key-2"), TestSecurity.ADMIN);
		ProgressService.Submitted retried = this.progress.submit(input(p, 2, 2, "1.00", "late-key-1"),
				TestSecurity.ADMIN);
		assertThat(retried.report().id()).isEqualTo(older);
		assertThat(cumulative(p)).isEqualByComparingTo("2.00");
		assertThat(reports(p)).isEqualTo(2);
	}

	@Test
	void badReportsGetFieldErrorsAndWriteNothing() {
		String p = project(5);
		assertThat(errors(input(GlobalId.encode("Project", "NOPE-1"), 3, 1, "1", "bad-key-01")))
			.extracting(PayloadError::code)
			.containsExactly("UNKNOWN_PROJECT");
		assertThat(errors(input(p, 3, 1, "-1", "bad-key-02"))).extracting(PayloadError::field, PayloadError::code)
			.containsExactly(Tuple.tuple("input.investmentCompleted", "NEGATIVE_INVESTMENT"));
		assertThat(errors(new SubmitProgressReportInput(p, new SubmitProgressReportInput.PeriodInput(2013, 1, 1),
				BigDecimal.ONE, BigDecimal.TEN, null, null, null, "bad-key-03")))
			.extracting(PayloadError::code)
			.containsExactly("PERIOD_OUTSIDE_PLAN_YEAR");
		assertThat(errors(input(p, 7, 1, "1", "bad-key-04"))).extracting(PayloadError::code)
			.containsExactly("PERIOD_IN_FUTURE");
		assertThat(errors(input(p, 3, 3, "1", "bad-key-05"))).extracting(PayloadError::code)
			.containsExactly("INVALID_PERIOD");
		assertThat(errors(new SubmitProgressReportInput(p, new SubmitProgressReportInput.PeriodInput(2012, 3, 1),
				BigDecimal.ONE, new BigDecimal("100.5"), null, null, null, "bad-key-06")))
			.extracting(PayloadError::code)
			.containsExactly("PERCENT_OUT_OF_RANGE");
		assertThat(errors(new SubmitProgressReportInput(p, new SubmitProgressReportInput.PeriodInput(2012, 3, 1),
				BigDecimal.ONE, BigDecimal.TEN, null, null,
				List.of(new SubmitProgressReportInput.ProblemInput("缺电", "NOPE", null)), "bad-key-07")))
			.extracting(PayloadError::code)
			.containsExactly("UNKNOWN_DEPARTMENT");
		assertThat(reports(p)).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").regex("^progress:[^:]+:bad-key")),
				"idempotency_keys"))
			.isZero();
	}

	@Test
	void problemsBecomeNoticesToTheirDepartments() {
		String p = project(6);
		this.progress.submit(
				new SubmitProgressReportInput(p, new SubmitProgressReportInput.PeriodInput(2012, 6, 1), BigDecimal.ONE,
						BigDecimal.TEN, null, null,
						List.of(new SubmitProgressReportInput.ProblemInput("施工许可证未办理", "GTJ", null)), "notice-key-1"),
				TestSecurity.ADMIN);
		this.graphQl.documentName("gtjOutstandingNotices")
			.execute()
			.path("department.notices.nodes[?(@.text == '施工许可证未办理')].status")
			.entityList(String.class)
			.containsExactly("OPEN")
			.path("department.notices.nodes[?(@.text == '施工许可证未办理')].deadline")
			.entityList(String.class)
			.containsExactly("2012-07-05");
	}

	@Test
	void concurrentSubmissionsKeepTotalsEqualToTheSumOfCurrentReports() throws Exception {
		List<String> targets = List.of(project(10), project(11), project(12));
		int threads = 16;
		int perThread = 40;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				Random random = new Random(thread);
				for (int i = 0; i < perThread; i++) {
					String p = targets.get(random.nextInt(targets.size()));
					int month = 1 + random.nextInt(5);
					int half = 1 + random.nextInt(2);
					String amount = (1 + random.nextInt(300)) + ".0" + random.nextInt(10);
					String key = "conc-" + thread + "-" + i;
					SubmitProgressReportInput in = input(p, month, half, amount, key);
					this.progress.submit(in, TestSecurity.ADMIN);
					if (random.nextInt(4) == 0) {
						this.progress.submit(in, TestSecurity.ADMIN); // a
																		// phone's
																		// retry
					}
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		for (String p : targets) {
			String code = GlobalId.keyOf(p, "Project");
			List<ProgressReport> all = this.mongo.find(Query.query(Criteria.where("projectCode").is(code)),
					ProgressReport.class);
			Map<String, ProgressReport> latestByPeriod = new HashMap<>();
			for (ProgressReport r : all) {
				latestByPeriod.merge(r.periodKey(), r,
						(a, b) -> ProgressService.later(a.sequence(), a.id(), b.sequence(), b.id()) ? a : b);
			}
			List<ProgressReport> current = all.stream().filter(ProgressReport::current).toList();
			ProjectProgress rollup = this.mongo.findById(code, ProjectProgress.class);
			assertThat(current).as("one current report per period of " + code + ": "
					+ current.stream().map((r) -> r.periodKey() + "/" + r.sequence() + "/" + r.id()).sorted().toList()
					+ " rollup " + rollup.periods())
				.hasSize(latestByPeriod.size())
				.allSatisfy((r) -> assertThat(r.id()).isEqualTo(latestByPeriod.get(r.periodKey()).id()));
			BigDecimal expected = current.stream()
				.map(ProgressReport::investmentCompleted)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(cumulative(p)).as("cumulative of " + code).isEqualByComparingTo(expected);
		}
		assertThat(
				this.mongo.count(Query.query(Criteria.where("idempotencyKey").regex("^conc-")), ProgressReport.class))
			.isEqualTo(threads * perThread);
	}

	static final Actor ZHUJI_OFFICER = new Actor("district_officer", Role.DISTRICT_OFFICER, null, List.of("ZHUJI"));

	static final Actor INSPECTOR = new Actor("inspector", Role.INSPECTOR, null, List.of("ZHUJI", "SHANGYU"));

	@Autowired
	ProjectService projects;

	@Autowired
	IndicatorReportService indicators;

	/** A service project of the district. */
	private String projectIn(String district) {
		return this.projects.all()
			.stream()
			.filter((p) -> district.equals(p.districtCode()) && p.code().startsWith("DEMO-SVC"))
			.map((p) -> GlobalId.encode("Project", p.code()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aSubmissionThatFailedInternallyDoesNotKeepItsKey() {
		String p = project(21);
		// 40 significant digits: more than the store's decimals hold
		SubmitProgressReportInput tooPrecise = new SubmitProgressReportInput(p,
				new SubmitProgressReportInput.PeriodInput(2012, 2, 1), BigDecimal.ONE,
				new BigDecimal("1.000000000000000000000000000000000000001"), null, null, null, "burned-key-1");
		assertThatThrownBy(() -> this.progress.submit(tooPrecise, TestSecurity.ADMIN))
			.isInstanceOf(RuntimeException.class);
		ProgressService.Submitted corrected = this.progress.submit(input(p, 2, 1, "1", "burned-key-1"),
				TestSecurity.ADMIN);
		assertThat(corrected.report().physicalProgressPercent()).isEqualByComparingTo("30");
		assertThat(cumulative(p)).isEqualByComparingTo("1");
	}

	@Test
	void aRefusedSubmissionDoesNotKeepItsKey() {
		String elsewhere = projectIn("PAOJIANG");
		assertThatThrownBy(() -> this.progress.submit(input(elsewhere, 2, 1, "1", "refused-key-1"), INSPECTOR))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
		String own = projectIn("ZHUJI");
		assertThat(this.progress.submit(input(own, 2, 1, "1", "refused-key-1"), INSPECTOR).report()).isNotNull();
	}

	@Test
	void aKeyBelongsToTheUserWhoSentIt() {
		String p = projectIn("ZHUJI");
		SubmitProgressReportInput in = input(p, 1, 2, "2.5", "shared-key-1");
		ProgressReport officers = this.progress.submit(in, ZHUJI_OFFICER).report();
		ProgressReport inspectors = this.progress.submit(in, INSPECTOR).report();
		assertThat(inspectors.id()).isNotEqualTo(officers.id());
		assertThat(inspectors.submittedBy()).isEqualTo("inspector");
		assertThat(officers.submittedBy()).isEqualTo("district_officer");
		// the officer's own retry still replays the officer's report
		assertThat(this.progress.submit(in, ZHUJI_OFFICER).report().id()).isEqualTo(officers.id());
	}

	@Test
	void anIndicatorReportThatFailedDoesNotKeepItsKey() {
		assertThatThrownBy(
				() -> this.indicators.submit(
						new IndicatorReportService.SubmitIndicatorReportInput(2012, 5, "ZHUJI",
								Indicator.FOREIGN_CAPITAL, new BigDecimal("1e7000"), "indicator-burn-1"),
						ZHUJI_OFFICER))
			.isInstanceOf(RuntimeException.class);
		assertThat(this.indicators
			.submit(new IndicatorReportService.SubmitIndicatorReportInput(2012, 5, "ZHUJI", Indicator.FOREIGN_CAPITAL,
					new BigDecimal("1200"), "indicator-burn-1"), ZHUJI_OFFICER)
			.value()).isEqualByComparingTo("1200");
	}

	private List<PayloadError> errors(SubmitProgressReportInput in) {
		try {
			this.progress.submit(in, TestSecurity.ADMIN);
			return List.of();
		}
		catch (ExpectedFailure ex) {
			return ex.errors();
		}
	}

}
