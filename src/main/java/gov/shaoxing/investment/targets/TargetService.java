package gov.shaoxing.investment.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.CachedCollection;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.common.RevisionCheckedReplace;
import gov.shaoxing.investment.common.RevisionCheckedReplace.Replaced;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import jakarta.annotation.PostConstruct;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads annual targets, ordered city-wide first, then districts in plan order, then
 * indicators in schema order, and revises them for the city supervisor.
 */
@Service
public class TargetService {

	static final int MAX_REASON = 500;

	/**
	 * Larger than any figure of the plan (its largest is 98,000 万美元) by several orders of
	 * magnitude.
	 */
	private static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

	private static final int MAX_SCALE = 4;

	private final TargetRepository repository;

	private final MongoTemplate mongo;

	private final DistrictService districts;

	private final boolean cached;

	private final CachedCollection<Target> targets;

	private final EventPublisher events;

	private final ChangeFeed feed;

	private final Clock clock;

	private final RevisionCheckedReplace<Target> replace;

	TargetService(TargetRepository repository, MongoTemplate mongo, DistrictService districts,
			ReadModelProperties readModel, EventPublisher events, ChangeFeed feed, Clock clock) {
		this.repository = repository;
		this.mongo = mongo;
		this.districts = districts;
		this.events = events;
		this.feed = feed;
		this.clock = clock;
		this.replace = new RevisionCheckedReplace<>(mongo, Target.class, "target");
		this.cached = readModel.enabled();
		this.targets = new CachedCollection<>(readModel, repository::findAll, repository::findAllById, Target::id);
	}

	/** Every target of the year in the scope, whatever its district and indicator. */
	public List<Target> find(int year, TargetScope scope) {
		return find(year, null, null, scope);
	}

	public List<Target> find(int year, String districtCode, Indicator indicator, TargetScope scope) {
		List<Target> found;
		if (this.cached) {
			found = this.targets.all()
				.stream()
				.filter((t) -> t.year() == year)
				.filter((t) -> districtCode == null || districtCode.equals(t.districtCode()))
				.filter((t) -> indicator == null || t.indicator() == indicator)
				.toList();
		}
		else {
			Criteria criteria = Criteria.where("year").is(year);
			if (districtCode != null) {
				criteria.and("districtCode").is(districtCode);
			}
			if (indicator != null) {
				criteria.and("indicator").is(indicator);
			}
			found = this.mongo.find(Query.query(criteria), Target.class);
		}
		return found.stream()
			.filter((t) -> scope == null || scope == TargetScope.ALL || (scope == TargetScope.CITY) == t.cityWide())
			.sorted(order())
			.toList();
	}

	/** Targets of each (district, year), in one query when uncached. */
	public Map<DistrictYear, List<Target>> forDistricts(Collection<DistrictYear> keys) {
		List<String> codes = keys.stream().map(DistrictYear::districtCode).distinct().toList();
		List<Integer> years = keys.stream().map(DistrictYear::year).distinct().toList();
		List<Target> found = this.cached
				? this.targets.all()
					.stream()
					.filter((t) -> codes.contains(t.districtCode()) && years.contains(t.year()))
					.toList()
				: this.mongo.find(Query.query(Criteria.where("districtCode").in(codes).and("year").in(years)),
						Target.class);
		Map<DistrictYear, List<Target>> grouped = found.stream()
			.sorted(order())
			.collect(Collectors.groupingBy((t) -> new DistrictYear(t.districtCode(), t.year())));
		return keys.stream()
			.collect(Collectors.toMap(Function.identity(), (k) -> grouped.getOrDefault(k, List.of()), (a, b) -> a));
	}

	public void saveAll(Collection<Target> all) {
		this.repository.saveAll(all);
		this.targets.invalidate();
	}

	public void invalidate() {
		this.targets.invalidate();
	}

	@PostConstruct
	void follow() {
		this.feed.follow(Set.of(EventType.TARGET_CHANGED), this::invalidate);
	}

	/** The target as stored now. */
	public Target stored(String id) {
		return this.mongo.findById(id, Target.class);
	}

	/**
	 * Revises a target's figures. Setting the figures it already has changes nothing and
	 * succeeds, so a retried request is harmless; a stale {@code expectedRevision} for a
	 * different change is refused. The write replaces the document only if nobody revised
	 * it meanwhile.
	 */
	public Target update(UpdateTargetInput input, Actor actor) {
		AccessPolicy.requireMayChangeTargets(actor);
		String id = GlobalId.keyOf(input.id(), "Target");
		String reason = input.reason() == null ? "" : input.reason().strip();
		List<PayloadError> errors = new ArrayList<>();
		if (reason.isEmpty()) {
			errors.add(PayloadError.detailed("input.reason", ErrorCode.REQUIRED, "targetReason"));
		}
		else if (reason.length() > MAX_REASON) {
			errors.add(new PayloadError("input.reason", ErrorCode.TOO_LONG, MAX_REASON));
		}
		boolean clearStretch = Boolean.TRUE.equals(input.clearStretch());
		if (clearStretch && input.stretch() != null) {
			errors.add(PayloadError.detailed("input.clearStretch", ErrorCode.CONFLICTING_INPUT, "stretch"));
		}
		if (input.guaranteed() == null && input.stretch() == null && !clearStretch) {
			errors.add(PayloadError.detailed("input", ErrorCode.NOTHING_TO_CHANGE, "target"));
		}
		Replaced<Target> replaced = this.replace.replace(id, input.expectedRevision(), () -> {
			errors.add(0, PayloadError.detailed("input.id", ErrorCode.NOT_FOUND, "target"));
			return new ExpectedFailure(errors);
		}, (current) -> revised(input, reason, clearStretch, new ArrayList<>(errors), current, actor), false);
		Target saved = replaced.after();
		if (replaced.written()) {
			invalidate();
			this.events.publish(EventType.TARGET_CHANGED, saved.districtCode(), null, saved.id());
			AuditContext.changed("Target", saved.id(), replaced.before(), saved);
		}
		return saved;
	}

	/**
	 * The target with the input's figures (the same instance when they are its figures),
	 * or every problem with the input at once.
	 */
	private Target revised(UpdateTargetInput input, String reason, boolean clearStretch, List<PayloadError> errors,
			Target current, Actor actor) {
		BigDecimal guaranteed = input.guaranteed() != null ? input.guaranteed() : current.guaranteed();
		BigDecimal stretch = clearStretch ? null : input.stretch() != null ? input.stretch() : current.stretch();
		checkFigure(errors, "input.guaranteed", input.guaranteed(), current);
		checkFigure(errors, "input.stretch", input.stretch(), current);
		if (guaranteed != null && stretch != null && stretch.compareTo(guaranteed) < 0
				&& errors.stream().noneMatch((e) -> e.field().startsWith("input.stretch"))) {
			errors.add(new PayloadError("input.stretch", ErrorCode.STRETCH_BELOW_GUARANTEED));
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		if (sameFigure(guaranteed, current.guaranteed()) && sameFigure(stretch, current.stretch())) {
			return current;
		}
		return current.revised(guaranteed, stretch, this.clock.instant(), actor.name(), reason);
	}

	private static void checkFigure(List<PayloadError> errors, String field, BigDecimal value, Target target) {
		if (value == null) {
			return;
		}
		Unit unit = target.unit();
		boolean share = unit == Unit.PERCENT && target.indicator() != Indicator.INDUSTRIAL_INVESTMENT_GROWTH;
		if (value.signum() < 0) {
			errors.add(new PayloadError(field, ErrorCode.NEGATIVE));
		}
		else if (value.compareTo(MAX_VALUE) > 0) {
			errors.add(new PayloadError(field, ErrorCode.OUT_OF_RANGE, MAX_VALUE));
		}
		else if (share && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add(PayloadError.detailed(field, ErrorCode.OUT_OF_RANGE, "share"));
		}
		else if (unit == Unit.COUNT && value.stripTrailingZeros().scale() > 0) {
			errors.add(new PayloadError(field, ErrorCode.NOT_A_COUNT));
		}
		else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
			errors.add(new PayloadError(field, ErrorCode.TOO_PRECISE, MAX_SCALE));
		}
	}

	private static boolean sameFigure(BigDecimal a, BigDecimal b) {
		return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
	}

	private Comparator<Target> order() {
		ToIntFunction<String> districtOrder = this.districts.planOrder();
		return Comparator.comparingInt((Target t) -> t.cityWide() ? -1 : districtOrder.applyAsInt(t.districtCode()))
			.thenComparing(Target::indicator)
			.thenComparingInt(Target::year);
	}

}
