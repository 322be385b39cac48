package gov.shaoxing.investment.imports;

import java.util.List;

/** A row that was not applied, with every reason by column. */
final class RowRejected extends RuntimeException {

	private final List<ImportJob.RowError> errors;

	RowRejected(List<ImportJob.RowError> errors) {
		super(null, null, false, false);
		this.errors = List.copyOf(errors);
	}

	List<ImportJob.RowError> errors() {
		return this.errors;
	}

}
