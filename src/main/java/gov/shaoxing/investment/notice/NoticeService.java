package gov.shaoxing.investment.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.FeedPaging;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Retry;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Raises notices and moves them along: OPEN → IN_PROGRESS → RESOLVED, OVERDUE when the
 * deadline passes unresolved (set by a sweep), and back to OPEN on reopening or a new
 * deadline. Each change is one single-document update guarded by the document's version,
 * and publishes a NOTICE_CHANGED event.
 */
@Service
public class NoticeService {

	private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

	/** The service itself, for automatic changes such as marking notices overdue. */
	private static final Actor SYSTEM = new Actor("system", Role.ADMIN, null, List.of());

	private static final Set<NoticeStatus> OUTSTANDING = Set.of(NoticeStatus.OPEN, NoticeStatus.IN_PROGRESS,
			NoticeStatus.OVERDUE);

	/** Transitions of one notice race through its versioned save. */
	private static final Retry TRANSITIONS = Retry.immediately(10, OptimisticLockingFailureException.class);

	private final MongoTemplate mongo;

	private final FeedPaging feeds;

	private final DepartmentService departments;

	private final EventPublisher events;

	private final Clock clock;

	NoticeService(MongoTemplate mongo, FeedPaging feeds, DepartmentService departments, EventPublisher events,
			Clock clock) {
		this.mongo = mongo;
		this.feeds = feeds;
		this.departments = departments;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Raises a notice once: raising the same draft id again returns the existing notice.
	 */
	public Notice raise(NoticeDraft draft) {
		Notice existing = this.mongo.findById(draft.id(), Notice.class);
		if (existing != null) {
			return existing;
		}
		Instant now = this.clock.instant();
		NoticeStatus status = draft.deadline().isBefore(today()) ? NoticeStatus.OVERDUE : NoticeStatus.OPEN;
		Notice notice = new Notice(draft.id(), draft.projectCode(), draft.districtCode(), draft.departmentCode(),
				draft.source(), draft.sourceId(), draft.text(), draft.deadline(), status, now, now, null, null,
				List.of(new Notice.Transition(now, null, status, draft.raisedBy(), "raised")), null,
				draft.officialId());
		try {
			notice = this.mongo.insert(notice);
		}
		catch (DuplicateKeyException ex) {
			return this.mongo.findById(draft.id(), Notice.class);
		}
		publish(notice);
		return notice;
	}

	public boolean departmentExists(String code) {
		return this.departments.byCode(code) != null;
	}

	public Notice byId(String id) {
		return this.mongo.findById(id, Notice.class);
	}

	/**
	 * Starts work on a notice, named by its global id. The caller's right to change
	 * notices is checked before anything else about the request.
	 */
	public Notice start(String id, String note, Actor by) {
		return transition(id, by, note, (n) -> {
			if (n.status() != NoticeStatus.OPEN) {
				throw invalid(n, "startWork");
			}
			return NoticeStatus.IN_PROGRESS;
		}, null);
	}

	public Notice resolve(String id, String resolution, Actor by) {
		return transition(id, by, resolution, (n) -> {
			if (resolution == null || resolution.isBlank()) {
				throw new ExpectedFailure(PayloadError.detailed("resolution", ErrorCode.REQUIRED, "resolution"));
			}
			if (n.status() == NoticeStatus.RESOLVED) {
				throw invalid(n, "resolve");
			}
			return NoticeStatus.RESOLVED;
		}, null);
	}

	public Notice reopen(String id, String note, LocalDate deadline, Actor by) {
		return transition(id, by, note, (n) -> {
			if (n.status() != NoticeStatus.RESOLVED) {
				throw invalid(n, "reopen");
			}
			return NoticeStatus.OPEN;
		}, deadline);
	}

	public Notice extend(String id, LocalDate deadline, String note, Actor by) {
		return transition(id, by, note, (n) -> {
			if (deadline == null || !deadline.isAfter(today())) {
				throw new ExpectedFailure("deadline", ErrorCode.DEADLINE_NOT_IN_FUTURE);
			}
			if (n.status() == NoticeStatus.RESOLVED) {
				throw invalid(n, "extend");
			}
			boolean worked = n.history().stream().anyMatch((t) -> t.to() == NoticeStatus.IN_PROGRESS);
			return worked ? NoticeStatus.IN_PROGRESS : NoticeStatus.OPEN;
		}, deadline);
	}

	/**
	 * Marks outstanding notices whose deadline has passed as OVERDUE. Safe to run on
	 * every instance.
	 */
	@Scheduled(fixedDelayString = "${investment.notices.sweep-interval:PT5M}",
			initialDelayString = "${investment.notices.sweep-initial-delay:PT10S}")
	public int sweepOverdue() {
		try {
			List<Notice> late = this.mongo.find(Query.query(Criteria.where("status")
				.in(NoticeStatus.OPEN, NoticeStatus.IN_PROGRESS)
				.and("deadline")
				.lt(today())), Notice.class);
			int changed = 0;
			for (Notice n : late) {
				try {
					transition(n.id(), SYSTEM, "deadline passed",
							(x) -> x.status() == NoticeStatus.RESOLVED || x.status() == NoticeStatus.OVERDUE
									? x.status() : NoticeStatus.OVERDUE,
							null);
					changed++;
				}
				catch (RuntimeException ex) {
					log.debug("Notice {} not marked overdue: {}", n.id(), ex.toString());
				}
			}
			return changed;
		}
		catch (RuntimeException ex) {
			log.warn("Overdue sweep failed: {}", ex.toString());
			return 0;
		}
	}

	public Connection<Notice> find(NoticeFilter filter, Integer first, String after) {
		return this.feeds.page(criteria(filter), Notice.class, first, after, Notice::id);
	}

	/** Every notice about the given projects, in one query. */
	public List<Notice> ofProjects(Collection<String> projectCodes) {
		return this.mongo.find(Query.query(Criteria.where("projectCode").in(projectCodes)), Notice.class);
	}

	/** Notices of each department, in one query. */
	public Map<String, List<Notice>> forDepartments(Collection<String> codes, NoticeFilter filter) {
		Criteria criteria = new Criteria().andOperator(criteria(filter), Criteria.where("departmentCode").in(codes));
		return this.mongo.find(Query.query(criteria), Notice.class)
			.stream()
			.sorted(Comparator.comparing(Notice::id).reversed())
			.collect(Collectors.groupingBy(Notice::departmentCode));
	}

	/**
	 * Notices overdue on a day: deadline before it and not resolved by then, in one
	 * query.
	 */
	public List<Notice> overdueOn(LocalDate day) {
		return overdueOn(day, null);
	}

	/**
	 * As {@link #overdueOn(LocalDate)}, as things were known at {@code knownAt} (null:
	 * now): raised by then and not resolved by then.
	 */
	public List<Notice> overdueOn(LocalDate day, Instant knownAt) {
		Instant endOfDay = day.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant();
		if (knownAt != null && knownAt.isBefore(endOfDay)) {
			endOfDay = knownAt.plusMillis(1);
		}
		Criteria unresolvedThen = new Criteria().orOperator(Criteria.where("resolvedAt").is(null),
				Criteria.where("resolvedAt").gte(endOfDay));
		return this.mongo
			.find(Query.query(new Criteria().andOperator(
					Criteria.where("deadline").lt(day.plusDays(1)).and("createdAt").lt(endOfDay), unresolvedThen)),
					Notice.class)
			.stream()
			.filter((n) -> n.deadline().isBefore(day))
			.sorted(Comparator.comparing(Notice::deadline).thenComparing(Notice::id))
			.toList();
	}

	private Criteria criteria(NoticeFilter f) {
		List<Criteria> all = new ArrayList<>();
		if (f != null) {
			if (f.departmentCodes() != null) {
				all.add(Criteria.where("departmentCode").in(f.departmentCodes()));
			}
			if (f.districtCodes() != null) {
				all.add(Criteria.where("districtCode").in(f.districtCodes()));
			}
			if (f.statuses() != null) {
				all.add(Criteria.where("status").in(f.statuses()));
			}
			if (Boolean.TRUE.equals(f.outstanding())) {
				all.add(Criteria.where("status").in(OUTSTANDING));
			}
			if (f.projectId() != null) {
				all.add(Criteria.where("projectCode").is(GlobalId.keyOf(f.projectId(), "Project")));
			}
			if (f.deadlineFrom() != null) {
				all.add(Criteria.where("deadline").gte(f.deadlineFrom()));
			}
			if (f.deadlineTo() != null) {
				all.add(Criteria.where("deadline").lte(f.deadlineTo()));
			}
		}
		return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
	}

	private interface Rule {

		NoticeStatus next(Notice notice);

	}

	/**
	 * Changes a notice, named by its global id (users) or its key (the service itself),
	 * after checking that the caller may: by role first, then for the notice's
	 * department. The rule validates the change and gives the next status.
	 */
	private Notice transition(String globalId, Actor actor, String note, Rule rule, LocalDate newDeadline) {
		if (actor != SYSTEM) {
			AccessPolicy.requireMayHandleNotices(actor);
		}
		String id = actor == SYSTEM ? globalId : GlobalId.keyOf(globalId, "Notice");
		return TRANSITIONS.run(() -> transitionOnce(id, actor, note, rule, newDeadline),
				() -> ApiException.detailed(ErrorCode.INTERNAL, "busy", null));
	}

	/** One attempt at a transition; a versioned save that lost a race is tried again. */
	private Notice transitionOnce(String id, Actor actor, String note, Rule rule, LocalDate newDeadline) {
		Notice current = this.mongo.findById(id, Notice.class);
		if (current == null) {
			throw new ExpectedFailure(PayloadError.detailed("id", ErrorCode.NOT_FOUND, "notice"));
		}
		if (actor != SYSTEM) {
			AccessPolicy.requireMayHandleNotice(actor, current.departmentCode());
		}
		NoticeStatus next = rule.next(current);
		if (next == current.status() && newDeadline == null) {
			return current;
		}
		Instant now = this.clock.instant();
		List<Notice.Transition> history = new ArrayList<>(current.history());
		history.add(new Notice.Transition(now, current.status(), next, actor.name(), note));
		LocalDate deadline = newDeadline != null ? newDeadline : current.deadline();
		if (next != NoticeStatus.RESOLVED && next != NoticeStatus.OVERDUE && deadline.isBefore(today())) {
			next = NoticeStatus.OVERDUE;
		}
		Notice updated = this.mongo.save(new Notice(current.id(), current.projectCode(), current.districtCode(),
				current.departmentCode(), current.source(), current.sourceId(), current.text(), deadline, next,
				current.createdAt(), now, next == NoticeStatus.RESOLVED ? now : null,
				next == NoticeStatus.RESOLVED ? note : current.resolution(), history, current.version(),
				current.officialId()));
		publish(updated);
		AuditContext.changed("Notice", updated.id(), current, updated);
		return updated;
	}

	/** {@code error.INVALID_TRANSITION.<action>}, with the notice's status. */
	private ExpectedFailure invalid(Notice n, String action) {
		return new ExpectedFailure(PayloadError.detailed("id", ErrorCode.INVALID_TRANSITION, action, n.status()));
	}

	private void publish(Notice notice) {
		this.events.publish(EventType.NOTICE_CHANGED, notice.districtCode(), notice.departmentCode(), notice.id());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
