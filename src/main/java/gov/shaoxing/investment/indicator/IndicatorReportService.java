package gov.shaoxing.investment.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.Idempotency;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.targets.Indicator;
import gov.shaoxing.investment.targets.TargetScope;
import gov.shaoxing.investment.targets.TargetService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Takes economy-wide statistics from districts and the statistics bureau, idempotently: a
 * retry writes nothing, and a report only replaces one of the same month with a lower
 * sequence.
 */
@Service
public class IndicatorReportService {

	private final MongoTemplate mongo;

	private final DistrictService districts;

	private final TargetService targets;

	private final Idempotency idempotency;

	private final Clock clock;

	private final EventPublisher events;

	IndicatorReportService(MongoTemplate mongo, DistrictService districts, TargetService targets,
			Idempotency idempotency, Clock clock, EventPublisher events) {
		this.events = events;
		this.mongo = mongo;
		this.districts = districts;
		this.targets = targets;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	/** The input of {@code submitIndicatorReport}. */
	public record SubmitIndicatorReportInput(Integer year, Integer month, String districtCode, Indicator indicator,
			BigDecimal value, String idempotencyKey) {

		String canonical() {
			return this.year + "|" + this.month + "|" + this.districtCode + "|" + this.indicator + "|"
					+ (this.value == null ? "" : this.value.stripTrailingZeros().toPlainString());
		}

	}

	/**
	 * Takes a statistic: who may report is checked first, then the one idempotent-write
	 * flow claims the key, validates, writes and completes.
	 */
	public IndicatorReport submit(SubmitIndicatorReportInput input, Actor actor) {
		AccessPolicy.requireMayReportIndicators(actor);
		if (input.districtCode() != null && this.districts.byCode(input.districtCode()) != null) {
			AccessPolicy.requireMayReportIndicators(actor, input.districtCode());
		}
		String id = IndicatorReport.idOf(input.year(), input.month(), input.districtCode(), input.indicator());
		return this.idempotency.write(new Idempotency.Write<>("indicator", actor.name(), input.idempotencyKey(),
				input.canonical(), () -> id, () -> validate(input), (claim, valid) -> {
					IndicatorReport before = this.mongo.findById(id, IndicatorReport.class);
					write(new IndicatorReport(id, input.year(), input.month(), input.districtCode(), input.indicator(),
							input.indicator().unit(), input.value(), input.idempotencyKey(), claim.sequence(),
							this.clock.instant(), actor.name(), false));
					claim.wrote();
					IndicatorReport after = this.mongo.findById(id, IndicatorReport.class);
					AuditContext.changed("IndicatorReport", id, before, after);
					this.events.publish(EventType.INDICATOR_REPORTED, input.districtCode(), null, id);
					return after;
				}, (claim) -> this.mongo.findById(id, IndicatorReport.class)));
	}

	/**
	 * Upserts a report unless a later one (higher sequence) is already stored for the
	 * same month.
	 */
	public void write(IndicatorReport report) {
		Query newer = Query.query(Criteria.where("_id").is(report.id()).and("sequence").lt(report.sequence()));
		Update update = new Update().set("year", report.year())
			.set("month", report.month())
			.set("districtCode", report.districtCode())
			.set("indicator", report.indicator())
			.set("unit", report.unit())
			.set("value", report.value())
			.set("idempotencyKey", report.idempotencyKey())
			.set("sequence", report.sequence())
			.set("submittedAt", report.submittedAt())
			.set("submittedBy", report.submittedBy())
			.set("demo", report.demo());
		try {
			this.mongo.findAndModify(newer, update, FindAndModifyOptions.options().upsert(true), IndicatorReport.class);
		}
		catch (DuplicateKeyException ex) {
			// a later report for this month is stored already
		}
	}

	/**
	 * Replaces reports in bulk (the demo set, or a migration), bypassing idempotency and
	 * sequence checks.
	 */
	public void importAll(List<IndicatorReport> reports) {
		this.mongo.remove(Query.query(Criteria.where("_id").in(reports.stream().map(IndicatorReport::id).toList())),
				IndicatorReport.class);
		for (int i = 0; i < reports.size(); i += 1000) {
			this.mongo.insertAll(reports.subList(i, Math.min(reports.size(), i + 1000)));
		}
	}

	/**
	 * The latest report on or before the end of {@code throughMonth}, per district and
	 * indicator, in one query.
	 */
	public Map<String, Map<Indicator, BigDecimal>> latest(int year, int throughMonth) {
		return latest(year, throughMonth, null);
	}

	/**
	 * As {@link #latest(int, int)}, counting only reports recorded at or before
	 * {@code knownAt} (null: all). A month's figure corrected later is left out, not
	 * restored: only the latest value of a month is kept.
	 */
	public Map<String, Map<Indicator, BigDecimal>> latest(int year, int throughMonth, Instant knownAt) {
		Map<String, Map<Indicator, IndicatorReport>> best = new HashMap<>();
		if (throughMonth >= 1) {
			Criteria criteria = Criteria.where("year").is(year).and("month").lte(throughMonth);
			if (knownAt != null) {
				criteria.and("submittedAt").lte(knownAt);
			}
			for (IndicatorReport r : this.mongo.find(Query.query(criteria), IndicatorReport.class)) {
				best.computeIfAbsent(r.districtCode(), (k) -> new HashMap<>())
					.merge(r.indicator(), r, (a, b) -> a.month() >= b.month() ? a : b);
			}
		}
		Map<String, Map<Indicator, BigDecimal>> values = new HashMap<>();
		best.forEach((district, byIndicator) -> {
			Map<Indicator, BigDecimal> v = new HashMap<>();
			byIndicator.forEach((i, r) -> v.put(i, r.value()));
			values.put(district, v);
		});
		return values;
	}

	private SubmitIndicatorReportInput validate(SubmitIndicatorReportInput in) {
		List<PayloadError> errors = new ArrayList<>();
		if (in.indicator() == null) {
			errors.add(PayloadError.detailed("input.indicator", ErrorCode.REQUIRED, "indicator"));
		}
		else if (in.indicator().fromProjects()) {
			errors.add(new PayloadError("input.indicator", ErrorCode.INDICATOR_COMPUTED_FROM_PROJECTS, in.indicator()));
		}
		if (in.districtCode() == null || this.districts.byCode(in.districtCode()) == null) {
			errors.add(new PayloadError("input.districtCode", ErrorCode.UNKNOWN_DISTRICT, in.districtCode()));
		}
		if (in.year() == null || in.month() == null || in.month() < 1 || in.month() > 12) {
			errors.add(PayloadError.detailed("input.month", ErrorCode.INVALID_PERIOD, "month"));
		}
		else if (this.targets.find(in.year(), TargetScope.CITY).isEmpty()) {
			errors.add(new PayloadError("input.year", ErrorCode.PERIOD_OUTSIDE_PLAN_YEAR, in.year()));
		}
		else if (LocalDate.of(in.year(), in.month(), 1).isAfter(LocalDate.now(this.clock))) {
			errors.add(PayloadError.detailed("input.month", ErrorCode.PERIOD_IN_FUTURE, "month"));
		}
		if (in.value() == null) {
			errors.add(PayloadError.detailed("input.value", ErrorCode.REQUIRED, "value"));
		}
		else if (in.indicator() != null) {
			PayloadError implausible = IndicatorValueBounds.check(in.indicator(), in.value());
			if (implausible != null) {
				errors.add(implausible);
			}
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return in;
	}

}
