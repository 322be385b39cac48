package gov.shaoxing.investment.fieldsync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.inspection.Inspection;
import gov.shaoxing.investment.inspection.InspectionService;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Applies a batch of offline records item by item through {@link ProgressService} and
 * {@link InspectionService}, so every item gets exactly what the single mutation would
 * give it: the same checks, roles and idempotency. One item's failure never stops the
 * others.
 */
@Service
class FieldSyncService {

	static final int MAX_BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(FieldSyncService.class);

	private final ProgressService progress;

	private final InspectionService inspections;

	FieldSyncService(ProgressService progress, InspectionService inspections) {
		this.progress = progress;
		this.inspections = inspections;
	}

	List<FieldRecordResult> sync(List<FieldRecordInput> batch, Actor actor) {
		AccessPolicy.requireSignedIn(actor);
		FieldRecordResult[] results = new FieldRecordResult[batch.size()];
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			FieldRecordInput item = batch.get(i);
			if (i >= MAX_BATCH) {
				results[i] = FieldRecordResult.rejected(i, item.capturedAt(),
						List.of(new PayloadError("batch[" + i + "]", ErrorCode.BATCH_TOO_LARGE, MAX_BATCH)));
			}
			else if ((item.progressReport() == null) == (item.inspection() == null)) {
				results[i] = FieldRecordResult.rejected(i, item.capturedAt(),
						List.of(new PayloadError("batch[" + i + "]", ErrorCode.EXACTLY_ONE_RECORD)));
			}
			else {
				order.add(i);
			}
		}
		// capture order; items captured at the same moment keep their order in the batch
		order.sort(Comparator.comparing((Integer i) -> batch.get(i).capturedAt().toInstant())
			.thenComparing(Comparator.naturalOrder()));
		Set<String> seen = new HashSet<>();
		for (int i : order) {
			FieldRecordInput item = batch.get(i);
			String key = item.key();
			if (key != null && !seen.add(key)) {
				results[i] = FieldRecordResult.rejected(i, item.capturedAt(),
						List.of(new PayloadError(field(i, item, "idempotencyKey"), ErrorCode.DUPLICATE_KEY_IN_BATCH)));
				continue;
			}
			results[i] = apply(i, item, actor);
		}
		List<FieldRecordResult> all = List.of(results);
		// the batch's audit record names what it applied, not only the last item's change
		AuditContext.changed("FieldRecords", null, null, Applied.of(all));
		return all;
	}

	/** What a batch applied, for its audit record. */
	record Applied(List<String> progressReportIds, List<String> inspectionIds, int rejected) {

		static Applied of(List<FieldRecordResult> results) {
			return new Applied(
					results.stream()
						.filter((r) -> r.progressReport() != null)
						.map((r) -> r.progressReport().id())
						.toList(),
					results.stream().filter((r) -> r.inspection() != null).map((r) -> r.inspection().id()).toList(),
					(int) results.stream().filter((r) -> r.status() == FieldRecordResult.Status.REJECTED).count());
		}

	}

	private FieldRecordResult apply(int i, FieldRecordInput item, Actor actor) {
		try {
			if (item.progressReport() != null) {
				ProgressService.Submitted submitted = this.progress.submit(item.progressReport(), actor);
				return new FieldRecordResult(i, item.capturedAt(), FieldRecordResult.Status.APPLIED, submitted.report(),
						null, List.of());
			}
			Inspection inspection = this.inspections.record(item.inspection(), actor);
			return new FieldRecordResult(i, item.capturedAt(), FieldRecordResult.Status.APPLIED, null, inspection,
					List.of());
		}
		catch (ExpectedFailure ex) {
			return FieldRecordResult.rejected(i, item.capturedAt(),
					ex.errors()
						.stream()
						.map((e) -> new PayloadError(rebase(i, item, e.field()), e.message()))
						.toList());
		}
		catch (ApiException ex) {
			return FieldRecordResult.rejected(i, item.capturedAt(),
					List.of(new PayloadError("batch[" + i + "]", ex.message())));
		}
		catch (DataAccessException ex) {
			log.warn("Field record {} not applied: {}", i, ex.toString());
			return FieldRecordResult.rejected(i, item.capturedAt(),
					List.of(new PayloadError("batch[" + i + "]", ErrorCode.STORE_UNAVAILABLE)));
		}
	}

	private static String field(int i, FieldRecordInput item, String name) {
		return "batch[" + i + "]." + (item.progressReport() != null ? "progressReport" : "inspection") + "." + name;
	}

	/**
	 * {@code input.period} of a single mutation becomes
	 * {@code batch[i].progressReport.period}.
	 */
	private static String rebase(int i, FieldRecordInput item, String field) {
		if (field == null) {
			return "batch[" + i + "]";
		}
		return field(i, item, field.startsWith("input.") ? field.substring(6) : field);
	}

}
