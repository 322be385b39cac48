package gov.shaoxing.investment.store;

import java.util.List;

/**
 * State kept beside the primary records (roll-ups, lights, flags, idempotency claims,
 * outbox events) that can be recomputed from them. Without transactions a crash can leave
 * such state behind its records; {@link IntegrityCheck} asks every implementation at
 * start-up to find and repair each disagreement.
 */
public interface DerivedState {

	/** What is checked, for the log and health ("progress roll-ups"). */
	String name();

	/**
	 * Checks against the primary records and repairs what disagrees, reading in batches.
	 * @return how many documents were checked, and one line per repair
	 */
	Checked checkAndRepair();

	/** The outcome of one check. */
	record Checked(long documentsChecked, List<String> repairs) {

		public Checked {
			repairs = List.copyOf(repairs);
		}

	}

}
