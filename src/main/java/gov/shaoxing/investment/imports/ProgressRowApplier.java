package gov.shaoxing.investment.imports;

import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.progress.ProgressReport;
import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.progress.SubmitProgressReportInput;
import gov.shaoxing.investment.security.Actor;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Applies a progress row as {@code submitProgressReport} would. The natural key is the
 * project and period: a row with the period's current figures changes nothing, other
 * figures replace the period's report. A dry run checks the row against the project
 * without submitting.
 */
final class ProgressRowApplier implements RowApplier<ProgressRow> {

	private final ProgressService progress;

	private final ProgressRowMapper mapper;

	private final MongoTemplate mongo;

	private final ImportAudit audit;

	private final ImportJob job;

	private final Actor actor;

	ProgressRowApplier(ProgressService progress, ProgressRowMapper mapper, MongoTemplate mongo, ImportAudit audit,
			ImportJob job, Actor actor) {
		this.progress = progress;
		this.mapper = mapper;
		this.mongo = mongo;
		this.audit = audit;
		this.job = job;
		this.actor = actor;
	}

	@Override
	public Outcome apply(ProgressRow row, int rowNumber) {
		try {
			SubmitProgressReportInput input = this.mapper.toInput(row);
			ProgressReport before = current(row);
			if (this.job.dryRun()) {
				this.progress.check(input, this.actor);
				return before == null ? Outcome.CREATED : Outcome.UPDATED;
			}
			ProgressReport report = this.progress.submit(input, this.actor).report();
			Outcome outcome = before == null ? Outcome.CREATED
					: before.id().equals(report.id()) ? Outcome.UNCHANGED : Outcome.UPDATED;
			this.audit.row(this.job, this.actor, rowNumber, "ProgressReport", report.id(), outcome.name(), before,
					report);
			return outcome;
		}
		catch (ExpectedFailure ex) {
			List<ImportJob.RowError> errors = new ArrayList<>();
			for (PayloadError e : ex.errors()) {
				errors.add(new ImportJob.RowError(rowNumber, column(e.field()), e.message()));
			}
			throw new RowRejected(errors);
		}
		catch (ApiException ex) {
			throw new RowRejected(List.of(new ImportJob.RowError(rowNumber,
					ex.code().name().contains("ID") ? "projectCode" : null, ex.message())));
		}
	}

	private ProgressReport current(ProgressRow row) {
		if (row.projectCode == null || row.year == null || row.month == null || row.half == null || row.month < 1
				|| row.month > 12) {
			return null;
		}
		String key = row.year + (row.month < 10 ? "-0" : "-") + row.month + "-" + row.half;
		return this.mongo.findOne(Query
			.query(Criteria.where("projectCode").is(row.projectCode).and("periodKey").is(key).and("current").is(true)),
				ProgressReport.class);
	}

	/** input.period.month → month; input.investmentCompleted → investmentCompleted. */
	static String column(String field) {
		if (field == null) {
			return null;
		}
		String f = field.startsWith("input.") ? field.substring(6) : field;
		if (f.startsWith("period")) {
			return f.contains(".") ? f.substring(f.indexOf('.') + 1) : "month";
		}
		return f.equals("projectId") ? "projectCode" : f;
	}

}
