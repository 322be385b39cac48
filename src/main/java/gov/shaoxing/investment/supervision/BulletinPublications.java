package gov.shaoxing.investment.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.district.District;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.progress.ProgressCalendar;
import gov.shaoxing.investment.project.Project;
import gov.shaoxing.investment.project.ProjectService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.supervision.Bulletin.DistrictStanding;
import gov.shaoxing.investment.supervision.Bulletin.IndicatorStanding;
import gov.shaoxing.investment.supervision.Bulletin.RedProject;
import gov.shaoxing.investment.supervision.PublishedBulletin.RedSnapshot;
import gov.shaoxing.investment.supervision.PublishedBulletin.StandingSnapshot;
import gov.shaoxing.investment.targets.Indicator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Publishes bulletins (通报 as sent) and reads them back unchanged, whatever is reported or
 * corrected later; compares a published bulletin with its recomputation.
 */
@Service
class BulletinPublications {

	private final MongoTemplate mongo;

	private final BulletinService bulletins;

	private final DistrictService districts;

	private final ProjectService projects;

	private final ProgressCalendar calendar;

	BulletinPublications(MongoTemplate mongo, BulletinService bulletins, DistrictService districts,
			ProjectService projects, ProgressCalendar calendar) {
		this.mongo = mongo;
		this.bulletins = bulletins;
		this.districts = districts;
		this.projects = projects;
		this.calendar = calendar;
	}

	/**
	 * Freezes the month's bulletin as computed now; publishing it again returns the first
	 * publication unchanged.
	 */
	Bulletin publish(int year, int month, Actor actor) {
		AccessPolicy.requireMayPublishSupervision(actor, "publishBulletins");
		if (month < 1 || month > 12) {
			throw new ExpectedFailure(PayloadError.detailed("month", ErrorCode.INVALID_ARGUMENT, "month"));
		}
		this.bulletins.requirePlan(year);
		PublishedBulletin existing = this.mongo.findById(PublishedBulletin.idOf(year, month), PublishedBulletin.class);
		if (existing != null) {
			return restore(existing);
		}
		LocalDate end = YearMonth.of(year, month).atEndOfMonth();
		if (!this.calendar.today().isAfter(end)) {
			throw new ExpectedFailure("month", ErrorCode.MONTH_NOT_ENDED, year, month, end);
		}
		Bulletin b = this.bulletins.monthly(year, month);
		PublishedBulletin frozen = new PublishedBulletin(PublishedBulletin.idOf(year, month), year, month, b.asOf(),
				b.ruleVersion(), this.calendar.now(), actor.name(),
				b.districts()
					.stream()
					.map((d) -> new StandingSnapshot(d.district().code(), d.score(), d.rank(), d.indicators(),
							d.explain()))
					.toList(),
				b.redProjects()
					.stream()
					.map((r) -> new RedSnapshot(r.project().code(), r.reasons(), r.explain()))
					.toList(),
				b.overdueNotices());
		try {
			this.mongo.insert(frozen);
		}
		catch (DuplicateKeyException ex) {
			// published by someone else meanwhile: theirs is the publication
			return restore(this.mongo.findById(frozen.id(), PublishedBulletin.class));
		}
		AuditContext.changed("PublishedBulletin", frozen.id(), null, frozen);
		return restore(frozen);
	}

	/** The published bulletin, or null when the month has not been published. */
	public Bulletin published(int year, int month) {
		PublishedBulletin stored = this.mongo.findById(PublishedBulletin.idOf(year, month), PublishedBulletin.class);
		return stored == null ? null : restore(stored);
	}

	/**
	 * What differs between the published bulletin and a recomputation now under the same
	 * rule version; null when the month has not been published.
	 */
	List<BulletinChange> changes(int year, int month) {
		Bulletin published = published(year, month);
		if (published == null) {
			return null;
		}
		Bulletin now = this.bulletins.monthly(year, month, published.ruleVersion(), null);
		List<BulletinChange> changes = new ArrayList<>();
		Map<String, DistrictStanding> current = now.districts()
			.stream()
			.collect(Collectors.toMap((d) -> d.district().code(), (d) -> d));
		for (DistrictStanding was : published.districts()) {
			String code = was.district().code();
			DistrictStanding is = current.get(code);
			if (is == null) {
				continue;
			}
			figure(changes, BulletinChange.Kind.SCORE, code, null, was.score(), is.score(), "score");
			figure(changes, BulletinChange.Kind.RANK, code, null, BigDecimal.valueOf(was.rank()),
					BigDecimal.valueOf(is.rank()), "rank");
			Map<Indicator, IndicatorStanding> nowIndicators = is.indicators()
				.stream()
				.collect(Collectors.toMap(IndicatorStanding::indicator, (i) -> i, (a, b) -> a));
			for (IndicatorStanding wi : was.indicators()) {
				IndicatorStanding ni = nowIndicators.get(wi.indicator());
				if (ni == null) {
					continue;
				}
				figure(changes, BulletinChange.Kind.INDICATOR_ACTUAL, code, wi.indicator(), wi.actual(), ni.actual(),
						wi.indicator() + " actual");
				figure(changes, BulletinChange.Kind.INDICATOR_COMPLETION_RATE, code, wi.indicator(),
						wi.completionRate(), ni.completionRate(), wi.indicator() + " completion rate");
				figure(changes, BulletinChange.Kind.INDICATOR_RANK, code, wi.indicator(),
						wi.rank() == null ? null : BigDecimal.valueOf(wi.rank()),
						ni.rank() == null ? null : BigDecimal.valueOf(ni.rank()), wi.indicator() + " rank");
			}
		}
		Map<String, RedProject> wasRed = byProject(published.redProjects());
		Map<String, RedProject> isRed = byProject(now.redProjects());
		wasRed.forEach((code, r) -> {
			RedProject n = isRed.get(code);
			if (n == null) {
				changes.add(BulletinChange.project(BulletinChange.Kind.RED_PROJECT_REMOVED, r.project().districtCode(),
						code, code + " is no longer red"));
			}
			else if (!n.reasons().equals(r.reasons())) {
				changes.add(BulletinChange.project(BulletinChange.Kind.RED_REASONS, r.project().districtCode(), code,
						code + ": " + String.join("; ", r.reasons()) + " → " + String.join("; ", n.reasons())));
			}
		});
		isRed.forEach((code, r) -> {
			if (!wasRed.containsKey(code)) {
				changes.add(BulletinChange.project(BulletinChange.Kind.RED_PROJECT_ADDED, r.project().districtCode(),
						code, code + " is red now: " + String.join("; ", r.reasons())));
			}
		});
		Set<String> wasOverdue = published.overdueNotices().stream().map(Notice::id).collect(Collectors.toSet());
		Set<String> isOverdue = now.overdueNotices().stream().map(Notice::id).collect(Collectors.toSet());
		for (Notice n : published.overdueNotices()) {
			if (!isOverdue.contains(n.id())) {
				changes.add(BulletinChange.notice(BulletinChange.Kind.OVERDUE_NOTICE_REMOVED, n.districtCode(),
						n.projectCode(), n.id(), "notice " + n.id() + " is no longer listed as overdue"));
			}
		}
		for (Notice n : now.overdueNotices()) {
			if (!wasOverdue.contains(n.id())) {
				changes.add(BulletinChange.notice(BulletinChange.Kind.OVERDUE_NOTICE_ADDED, n.districtCode(),
						n.projectCode(), n.id(), "notice " + n.id() + " is overdue now"));
			}
		}
		return changes;
	}

	private static Map<String, RedProject> byProject(List<RedProject> red) {
		Map<String, RedProject> map = new LinkedHashMap<>();
		red.forEach((r) -> map.put(r.project().code(), r));
		return map;
	}

	private static void figure(List<BulletinChange> changes, BulletinChange.Kind kind, String district,
			Indicator indicator, BigDecimal was, BigDecimal is, String what) {
		boolean same = was == null ? is == null : is != null && was.compareTo(is) == 0;
		if (!same) {
			changes.add(BulletinChange.figure(kind, district, indicator, was, is,
					district + " " + what + ": " + text(was) + " → " + text(is)));
		}
	}

	private static String text(BigDecimal value) {
		return value == null ? "none" : value.stripTrailingZeros().toPlainString();
	}

	/**
	 * The published bulletin with its districts and projects looked up (one query each at
	 * most).
	 */
	private Bulletin restore(PublishedBulletin stored) {
		if (stored == null) {
			throw new ApiException(ErrorCode.INTERNAL, null);
		}
		Map<String, District> districts = this.districts
			.byCodes(stored.districts().stream().map(StandingSnapshot::districtCode).toList());
		Map<String, Project> projects = this.projects
			.byCodes(stored.redProjects().stream().map(RedSnapshot::projectCode).toList());
		List<DistrictStanding> standings = stored.districts()
			.stream()
			.filter((s) -> districts.containsKey(s.districtCode()))
			.map((s) -> new DistrictStanding(districts.get(s.districtCode()), s.score(), s.rank(), s.indicators(),
					s.explain()))
			.toList();
		List<RedProject> red = stored.redProjects()
			.stream()
			.filter((r) -> projects.containsKey(r.projectCode()))
			.map((r) -> new RedProject(projects.get(r.projectCode()), r.reasons(), r.explain()))
			.toList();
		return new Bulletin(stored.year(), stored.month(), null, stored.asOf(), stored.ruleVersion(), null,
				new Bulletin.Publication(stored.publishedAt(), stored.publishedBy()), standings, red,
				Objects.requireNonNullElse(stored.overdueNotices(), List.of()));
	}

}
