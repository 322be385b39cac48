package gov.shaoxing.investment.rules;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.rules.PublishSupervisionRulesInput.LightExemptionInput;
import gov.shaoxing.investment.rules.PublishSupervisionRulesInput.RankingExemptionInput;
import gov.shaoxing.investment.rules.PublishSupervisionRulesInput.WeightInput;
import gov.shaoxing.investment.rules.SupervisionRules.EarnedValueRules;
import gov.shaoxing.investment.rules.SupervisionRules.EscalationRules;
import gov.shaoxing.investment.rules.SupervisionRules.IndicatorWeight;
import gov.shaoxing.investment.rules.SupervisionRules.LightExemption;
import gov.shaoxing.investment.rules.SupervisionRules.LightRules;
import gov.shaoxing.investment.rules.SupervisionRules.RankingExemption;
import gov.shaoxing.investment.rules.SupervisionRules.RankingRules;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.targets.Indicator;
import jakarta.annotation.PostConstruct;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads and publishes rule versions. All versions are held in memory whatever the read
 * model setting (a handful of small documents, read by every light and score, so a
 * per-project query would be a bug) and reloaded when any instance publishes one. Version
 * 1 is written from the configuration the first time the rules are read.
 */
@Service
public class RulesService {

	/** Version 1 applies from the plan year's start (and to any earlier day). */
	static final LocalDate FIRST_EFFECTIVE = LocalDate.of(2012, 1, 1);

	private static final BigDecimal TWO = BigDecimal.valueOf(2);

	private final MongoTemplate mongo;

	private final RuleDefaults defaults;

	private final RankingProperties ranking;

	private final ProjectService projects;

	private final DistrictService districts;

	private final EventPublisher events;

	private final ChangeFeed feed;

	private final Clock clock;

	private volatile List<SupervisionRules> versions;

	RulesService(MongoTemplate mongo, RuleDefaults defaults, RankingProperties ranking, ProjectService projects,
			DistrictService districts, EventPublisher events, ChangeFeed feed, Clock clock) {
		this.mongo = mongo;
		this.defaults = defaults;
		this.ranking = ranking;
		this.projects = projects;
		this.districts = districts;
		this.events = events;
		this.feed = feed;
		this.clock = clock;
	}

	@PostConstruct
	void follow() {
		this.feed.follow(Set.of(EventType.RULES_PUBLISHED), () -> this.versions = null);
	}

	/** Every version, oldest first. */
	public List<SupervisionRules> all() {
		List<SupervisionRules> current = this.versions;
		if (current == null) {
			List<SupervisionRules> loaded = new ArrayList<>(this.mongo.find(new Query(), SupervisionRules.class));
			if (loaded.stream().noneMatch((r) -> r.version() == 1)) {
				loaded.add(ensureFirst());
			}
			loaded.sort(Comparator.comparingInt(SupervisionRules::version));
			current = List.copyOf(loaded);
			this.versions = current;
		}
		return current;
	}

	/**
	 * The version in force on {@code day}: the highest-numbered one effective on or
	 * before it (version 1 before any).
	 */
	public SupervisionRules at(LocalDate day) {
		SupervisionRules found = null;
		for (SupervisionRules r : all()) {
			if (found == null || !r.effectiveFrom().isAfter(day)) {
				found = r;
			}
		}
		return found;
	}

	/** A version by number, or null. */
	public SupervisionRules version(int version) {
		return all().stream().filter((r) -> r.version() == version).findFirst().orElse(null);
	}

	public SupervisionRules latest() {
		List<SupervisionRules> all = all();
		return all.get(all.size() - 1);
	}

	/**
	 * Adds version {@code basedOnVersion + 1}. A retry of a publication that succeeded
	 * returns it; anyone else's version in between is a conflict.
	 */
	SupervisionRules publish(PublishSupervisionRulesInput input, Actor actor) {
		AccessPolicy.requireMayPublishSupervision(actor, "publishRules");
		SupervisionRules latest = latest();
		SupervisionRules replay = replayOf(input, latest, actor);
		if (replay != null) {
			return replay;
		}
		SupervisionRules next = validated(input, latest, actor);
		try {
			this.mongo.insert(next);
		}
		catch (DuplicateKeyException ex) {
			this.versions = null;
			SupervisionRules stored = version(next.version());
			if (stored != null && stored.content().equals(next.content())) {
				return stored;
			}
			throw new ExpectedFailure("input.basedOnVersion", ErrorCode.RULES_VERSION_CONFLICT, next.version());
		}
		this.versions = null;
		AuditContext.changed("SupervisionRules", String.valueOf(next.version()), latest, next);
		this.events.publish(EventType.RULES_PUBLISHED, null, null, String.valueOf(next.version()));
		return next;
	}

	/**
	 * The version this input published before, when it is a retry: the version after
	 * {@code basedOnVersion} exists and states the same rules.
	 */
	private SupervisionRules replayOf(PublishSupervisionRulesInput input, SupervisionRules latest, Actor actor) {
		if (input.basedOnVersion() == null || input.basedOnVersion() >= latest.version()) {
			return null;
		}
		SupervisionRules base = version(input.basedOnVersion());
		SupervisionRules stored = version(input.basedOnVersion() + 1);
		if (base == null || stored == null) {
			return null;
		}
		try {
			SupervisionRules again = validated(input, base, actor);
			return again.content().equals(stored.content()) ? stored : null;
		}
		catch (ExpectedFailure ex) {
			return null;
		}
	}

	private SupervisionRules ensureFirst() {
		List<IndicatorWeight> weights = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Indicator i : Indicator.values()) {
			BigDecimal w = this.ranking.weights().get(i);
			if (w != null) {
				weights.add(new IndicatorWeight(i, w));
				total = total.add(w);
			}
		}
		RuleDefaults d = this.defaults;
		SupervisionRules first = new SupervisionRules(1, FIRST_EFFECTIVE,
				new LightRules(d.yellowBelow(), d.redBelow(), d.yellowAfterDaysWithoutReport(),
						d.redAfterDaysWithoutReport(), d.redOverdueMilestones(), List.of()),
				new RankingRules(weights, total, this.ranking.cap(), List.of()),
				new EarnedValueRules(d.divergenceThreshold()), new EscalationRules(d.escalation().redPeriods()),
				"The configured figures (investment.supervision.*, investment.ranking.*).", this.clock.instant(),
				"system");
		try {
			this.mongo.insert(first);
			return first;
		}
		catch (DuplicateKeyException ex) {
			SupervisionRules stored = this.mongo.findById(1, SupervisionRules.class);
			return stored != null ? stored : first;
		}
	}

	private SupervisionRules validated(PublishSupervisionRulesInput in, SupervisionRules latest, Actor actor) {
		List<PayloadError> errors = new ArrayList<>();
		if (in.basedOnVersion() == null || in.basedOnVersion() != latest.version()) {
			errors.add(new PayloadError("input.basedOnVersion", ErrorCode.RULES_VERSION_CONFLICT, latest.version()));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (in.effectiveFrom() == null) {
			errors.add(PayloadError.detailed("input.effectiveFrom", ErrorCode.REQUIRED, "effectiveFrom"));
		}
		else if (in.effectiveFrom().isBefore(latest.effectiveFrom())) {
			errors.add(new PayloadError("input.effectiveFrom", ErrorCode.EFFECTIVE_DATE_BEFORE_LAST, latest.version(),
					latest.effectiveFrom()));
		}
		else if (in.effectiveFrom().isBefore(today)) {
			errors.add(new PayloadError("input.effectiveFrom", ErrorCode.EFFECTIVE_DATE_IN_PAST, today));
		}
		LightRules light = light(in.light(), errors);
		RankingRules ranking = ranking(in.ranking(), errors);
		BigDecimal threshold = in.earnedValue() == null ? null : in.earnedValue().divergenceThreshold();
		if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
			errors.add(PayloadError.detailed("input.earnedValue.divergenceThreshold", ErrorCode.OUT_OF_RANGE,
					"divergenceThreshold"));
		}
		Integer redPeriods = in.escalation() == null ? null : in.escalation().redPeriods();
		if (redPeriods == null || redPeriods < 1 || redPeriods > 24) {
			errors.add(PayloadError.detailed("input.escalation.redPeriods", ErrorCode.OUT_OF_RANGE, "redPeriods"));
		}
		if (in.note() != null && in.note().length() > 2000) {
			errors.add(new PayloadError("input.note", ErrorCode.TOO_LONG, 2000));
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		return new SupervisionRules(latest.version() + 1, in.effectiveFrom(), light, ranking,
				new EarnedValueRules(threshold), new EscalationRules(redPeriods),
				in.note() == null || in.note().isBlank() ? null : in.note().strip(), this.clock.instant(),
				actor.name());
	}

	private LightRules light(PublishSupervisionRulesInput.LightInput in, List<PayloadError> errors) {
		if (in == null) {
			errors.add(PayloadError.detailed("input.light", ErrorCode.REQUIRED, "lightRules"));
			return null;
		}
		String at = "input.light";
		if (in.redBelow() == null || in.yellowBelow() == null || in.redBelow().signum() < 0
				|| in.redBelow().compareTo(in.yellowBelow()) >= 0 || in.yellowBelow().compareTo(TWO) > 0) {
			errors.add(PayloadError.detailed(at + ".redBelow", ErrorCode.THRESHOLDS_OUT_OF_ORDER, "ratios"));
		}
		if (in.yellowAfterDaysWithoutReport() == null || in.redAfterDaysWithoutReport() == null
				|| in.yellowAfterDaysWithoutReport() < 1
				|| in.yellowAfterDaysWithoutReport() >= in.redAfterDaysWithoutReport()
				|| in.redAfterDaysWithoutReport() > 366) {
			errors.add(PayloadError.detailed(at + ".yellowAfterDaysWithoutReport", ErrorCode.THRESHOLDS_OUT_OF_ORDER,
					"days"));
		}
		if (in.redOverdueMilestones() == null || in.redOverdueMilestones() < 1 || in.redOverdueMilestones() > 100) {
			errors.add(PayloadError.detailed(at + ".redOverdueMilestones", ErrorCode.OUT_OF_RANGE,
					"redOverdueMilestones"));
		}
		List<LightExemption> exemptions = new ArrayList<>();
		List<LightExemptionInput> given = in.exemptions() == null ? List.of() : in.exemptions();
		for (int i = 0; i < given.size(); i++) {
			LightExemptionInput e = given.get(i);
			String field = at + ".exemptions[" + i + "]";
			if (e.projectCode() == null || this.projects.byCode(e.projectCode()) == null) {
				errors.add(new PayloadError(field + ".projectCode", ErrorCode.UNKNOWN_PROJECT));
			}
			if (e.from() == null || e.until() == null || e.until().isBefore(e.from())) {
				errors.add(PayloadError.detailed(field + ".until", ErrorCode.INVALID_RANGE, "exemption"));
			}
			if (e.reason() == null || e.reason().isBlank() || e.reason().length() > 500) {
				errors.add(PayloadError.detailed(field + ".reason", ErrorCode.REQUIRED, "reason"));
			}
			exemptions.add(new LightExemption(e.projectCode(), e.from(), e.until(),
					e.reason() == null ? null : e.reason().strip()));
		}
		return new LightRules(in.yellowBelow(), in.redBelow(), nz(in.yellowAfterDaysWithoutReport()),
				nz(in.redAfterDaysWithoutReport()), nz(in.redOverdueMilestones()), exemptions);
	}

	private RankingRules ranking(PublishSupervisionRulesInput.RankingInput in, List<PayloadError> errors) {
		if (in == null) {
			errors.add(PayloadError.detailed("input.ranking", ErrorCode.REQUIRED, "rankingRules"));
			return null;
		}
		String at = "input.ranking";
		List<IndicatorWeight> weights = new ArrayList<>();
		Set<Indicator> seen = EnumSet.noneOf(Indicator.class);
		BigDecimal sum = BigDecimal.ZERO;
		List<WeightInput> given = in.weights() == null ? List.of() : in.weights();
		for (int i = 0; i < given.size(); i++) {
			WeightInput w = given.get(i);
			String field = at + ".weights[" + i + "]";
			if (w.indicator() == null || !seen.add(w.indicator())) {
				errors.add(new PayloadError(field + ".indicator", ErrorCode.DUPLICATE_INDICATOR));
			}
			if (w.weight() == null || w.weight().signum() < 0) {
				errors.add(PayloadError.detailed(field + ".weight", ErrorCode.NEGATIVE, "weight"));
				continue;
			}
			sum = sum.add(w.weight());
			weights.add(new IndicatorWeight(w.indicator(), w.weight()));
		}
		if (in.weightTotal() == null || in.weightTotal().signum() <= 0 || sum.compareTo(in.weightTotal()) != 0) {
			errors.add(new PayloadError(at + ".weights", ErrorCode.WEIGHTS_SUM, sum.stripTrailingZeros(),
					in.weightTotal() == null ? "-" : in.weightTotal().stripTrailingZeros()));
		}
		if (in.cap() == null || in.cap().compareTo(BigDecimal.ONE) < 0 || in.cap().compareTo(TWO) > 0) {
			errors.add(PayloadError.detailed(at + ".cap", ErrorCode.OUT_OF_RANGE, "cap"));
		}
		List<RankingExemption> exemptions = new ArrayList<>();
		List<RankingExemptionInput> ex = in.exemptions() == null ? List.of() : in.exemptions();
		for (int i = 0; i < ex.size(); i++) {
			RankingExemptionInput e = ex.get(i);
			String field = at + ".exemptions[" + i + "]";
			if (e.districtCode() == null || this.districts.byCode(e.districtCode()) == null) {
				errors.add(new PayloadError(field + ".districtCode", ErrorCode.UNKNOWN_DISTRICT, e.districtCode()));
			}
			if (e.reason() == null || e.reason().isBlank() || e.reason().length() > 500) {
				errors.add(PayloadError.detailed(field + ".reason", ErrorCode.REQUIRED, "reason"));
			}
			exemptions.add(new RankingExemption(e.districtCode(), e.indicator(),
					e.reason() == null ? null : e.reason().strip()));
		}
		return new RankingRules(weights, in.weightTotal(), in.cap(), exemptions);
	}

	private static int nz(Integer value) {
		return value == null ? 0 : value;
	}

}
