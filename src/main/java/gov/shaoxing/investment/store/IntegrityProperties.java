package gov.shaoxing.investment.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the start-up {@link IntegrityCheck} runs.
 *
 * @param atStart {@code always}, or {@code after-unclean-stop}: only when the last run on
 * this data did not stop cleanly (a crash, a kill, a copy taken while running). Unset, it
 * is {@code after-unclean-stop} on the embedded store, which one process owns, and
 * {@code always} on MongoDB, where another instance may have crashed while this one
 * stopped cleanly.
 */
@ConfigurationProperties("investment.integrity")
public record IntegrityProperties(AtStart atStart) {

	public enum AtStart {

		ALWAYS, AFTER_UNCLEAN_STOP

	}

	/** The mode in force for this store. */
	AtStart atStart(StoreProperties store) {
		if (this.atStart != null) {
			return this.atStart;
		}
		return store.embedded() ? AtStart.AFTER_UNCLEAN_STOP : AtStart.ALWAYS;
	}

}
