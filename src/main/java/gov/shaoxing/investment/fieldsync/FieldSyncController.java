package gov.shaoxing.investment.fieldsync;

import java.util.List;

import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class FieldSyncController {

	private final FieldSyncService sync;

	FieldSyncController(FieldSyncService sync) {
		this.sync = sync;
	}

	@MutationMapping
	SyncFieldRecordsPayload syncFieldRecords(@Argument List<FieldRecordInput> batch) {
		List<FieldRecordResult> results = this.sync.sync(batch, CurrentActor.get());
		return new SyncFieldRecordsPayload(results,
				(int) results.stream().filter((r) -> r.status() == FieldRecordResult.Status.APPLIED).count());
	}

	/** Result of {@code syncFieldRecords}. */
	record SyncFieldRecordsPayload(List<FieldRecordResult> results, int applied) {
	}

}
