package gov.shaoxing.investment.imports;

import java.time.Instant;
import java.util.List;

import gov.shaoxing.investment.common.ErrorMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import, as it runs and afterwards: what was sent, by whom, how far it got and what
 * each row came to. {@code errors} keeps the first {@code investment.imports.max-errors}.
 */
@Document("import_jobs")
record ImportJob(@Id String id, String kind, String fileName, boolean dryRun, Status status, @Indexed String startedBy,
		Instant createdAt, Instant finishedAt, int totalRows, int processedRows, int created, int updated,
		int unchanged, int failed, List<RowError> errors, boolean errorsTruncated) {

	/** Where a job is. */
	public enum Status {

		QUEUED, RUNNING, SUCCEEDED, FAILED

	}

	/**
	 * A row that was not applied: the sheet's row number, the column's key, why (worded
	 * in the reader's language when the job is read).
	 */
	public record RowError(int row, String column, ErrorMessage message) {

		/** The stable code, as clients see it. */
		public String code() {
			return this.message.code().name();
		}

	}

}
