package gov.shaoxing.investment.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.Idempotency;
import gov.shaoxing.investment.indicator.IndicatorReport;
import gov.shaoxing.investment.inspection.Inspection;
import gov.shaoxing.investment.notice.NoticeDraft;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.notice.NoticeSource;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.store.BulkReads;
import gov.shaoxing.investment.store.DerivedState;

import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Idempotency claims a crash left pending. A claim is written first, its result next, the
 * result's notices after that and the claim marked done last; so a pending claim whose
 * result exists had only its notices and completion left, which are done now, and one
 * whose result does not exist wrote nothing and is released (a retry starts afresh).
 * Claims younger than {@link #IN_FLIGHT} may belong to a request still running on another
 * instance and are left alone.
 */
@Component
@Order(2)
class PendingClaims implements DerivedState {

	static final Duration IN_FLIGHT = Duration.ofMinutes(1);

	private static final String CLAIMS = "idempotency_keys";

	private final MongoTemplate mongo;

	private final BulkReads bulk;

	private final NoticeService notices;

	private final Clock clock;

	PendingClaims(MongoTemplate mongo, BulkReads bulk, NoticeService notices, Clock clock) {
		this.bulk = bulk;
		this.mongo = mongo;
		this.notices = notices;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "pending idempotency claims";
	}

	@Override
	public Checked checkAndRepair() {
		Instant settled = this.clock.instant().minus(IN_FLIGHT);
		// a scan of every key ever claimed on the embedded store, so under the bulk
		// timeout
		List<Idempotency.Record> pending = this.bulk.template()
			.find(Query.query(Criteria.where("state").is(Idempotency.State.PENDING.name())), Idempotency.Record.class);
		Map<String, List<Idempotency.Record>> byScope = new HashMap<>();
		for (Idempotency.Record claim : pending) {
			if (claim.createdAt() == null || claim.createdAt().isBefore(settled)) {
				byScope
					.computeIfAbsent(claim.id().substring(0, Math.max(0, claim.id().indexOf(':'))),
							(k) -> new ArrayList<>())
					.add(claim);
			}
		}
		List<String> repairs = new ArrayList<>();
		byScope.forEach((scope, claims) -> {
			switch (scope) {
				case "progress" -> progress(claims, repairs);
				case "inspection" -> inspections(claims, repairs);
				case "indicator" -> indicators(claims, repairs);
				default -> {
					// a scope this check does not know: left for its own feature
				}
			}
		});
		return new Checked(pending.size(), repairs);
	}

	private void progress(List<Idempotency.Record> claims, List<String> repairs) {
		Map<String, ProgressReport> reports = byId(claims, ProgressReport.class);
		for (Idempotency.Record claim : claims) {
			ProgressReport report = reports.get(claim.resultId());
			if (report == null) {
				release(claim, "report", repairs);
				continue;
			}
			for (ProgressReport.Problem p : report.problems()) {
				this.notices.raise(new NoticeDraft(p.noticeId(), report.projectCode(), report.districtCode(),
						p.departmentCode(), NoticeSource.PROGRESS_REPORT, report.id(), p.text(), p.deadline(),
						report.submittedBy()));
			}
			complete(claim, "report " + report.id(), report.problems().size(), repairs);
		}
	}

	private void inspections(List<Idempotency.Record> claims, List<String> repairs) {
		Map<String, Inspection> inspections = byId(claims, Inspection.class);
		for (Idempotency.Record claim : claims) {
			Inspection inspection = inspections.get(claim.resultId());
			if (inspection == null) {
				release(claim, "inspection", repairs);
				continue;
			}
			for (Inspection.Problem p : inspection.problems()) {
				this.notices.raise(new NoticeDraft(p.noticeId(), inspection.projectCode(), inspection.districtCode(),
						p.departmentCode(), NoticeSource.INSPECTION, inspection.id(), p.text(), p.deadline(),
						inspection.inspector()));
			}
			complete(claim, "inspection " + inspection.id(), inspection.problems().size(), repairs);
		}
	}

	/**
	 * An indicator report is replaced under a natural id: it is this claim's if it names
	 * the key.
	 */
	private void indicators(List<Idempotency.Record> claims, List<String> repairs) {
		Map<String, IndicatorReport> reports = byId(claims, IndicatorReport.class);
		for (Idempotency.Record claim : claims) {
			IndicatorReport report = reports.get(claim.resultId());
			String key = claim.id().substring(claim.id().indexOf(':') + 1);
			if (report != null && key.equals(report.idempotencyKey())) {
				complete(claim, "indicator report " + report.id(), 0, repairs);
			}
			else {
				release(claim, "indicator report", repairs);
			}
		}
	}

	private <T> Map<String, T> byId(List<Idempotency.Record> claims, Class<T> type) {
		List<String> ids = claims.stream().map(Idempotency.Record::resultId).distinct().toList();
		Map<String, T> found = new HashMap<>();
		for (T document : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), type)) {
			found.put(idOf(document), document);
		}
		return found;
	}

	private static String idOf(Object document) {
		if (document instanceof ProgressReport r) {
			return r.id();
		}
		if (document instanceof Inspection i) {
			return i.id();
		}
		return ((IndicatorReport) document).id();
	}

	private void complete(Idempotency.Record claim, String result, int notices, List<String> repairs) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.id())),
				Update.update("state", Idempotency.State.DONE.name()), CLAIMS);
		repairs.add("idempotency claim " + claim.id() + " completed: its " + result + " exists"
				+ (notices > 0 ? ", " + notices + " notices raised" : ""));
	}

	private void release(Idempotency.Record claim, String what, List<String> repairs) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(claim.id())), CLAIMS);
		repairs.add("idempotency claim " + claim.id() + " released: no " + what + " was written under it");
	}

}
