package gov.shaoxing.investment.imports;

/**
 * Applies one parsed row of a template: through the same service as the row's mutation,
 * so the same rules and access checks hold.
 */
interface RowApplier<R> {

	/** What applying a row did. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/** Applies (or, in a dry run, checks) a row; throws {@link RowRejected}. */
	Outcome apply(R row, int rowNumber);

}
