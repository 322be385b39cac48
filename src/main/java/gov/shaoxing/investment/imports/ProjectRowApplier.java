package gov.shaoxing.investment.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.project.CreateProjectInput;
import gov.shaoxing.investment.project.ProjectCreateService;
import gov.shaoxing.investment.security.Actor;

/**
 * Applies a project row as {@code createProject} would, or as an update of the project it
 * names (by code, national code, or name in its district and category), and audits it
 * under the job's id. The mutation's field names become the template's column keys.
 */
final class ProjectRowApplier implements RowApplier<ProjectRow> {

	private static final Map<String, String> COLUMNS = Map.of("industry", "industrySection", "liaison",
			"liaisonCityLeader", "location", "latitude", "fundingSources", "fundingSelfRaised");

	private final ProjectCreateService creates;

	private final ProjectRowMapper mapper;

	private final ImportAudit audit;

	private final ImportJob job;

	private final Actor actor;

	ProjectRowApplier(ProjectCreateService creates, ProjectRowMapper mapper, ImportAudit audit, ImportJob job,
			Actor actor) {
		this.creates = creates;
		this.mapper = mapper;
		this.audit = audit;
		this.job = job;
		this.actor = actor;
	}

	@Override
	public Outcome apply(ProjectRow row, int rowNumber) {
		CreateProjectInput input = this.mapper.toInput(row, "import " + this.job.id() + " row " + rowNumber);
		try {
			ProjectCreateService.Result result = this.creates.upsert(input, this.actor, this.job.dryRun(),
					input.reason());
			if (!this.job.dryRun()) {
				this.audit.row(this.job, this.actor, rowNumber, "Project", result.project().code(),
						result.outcome().name(), result.before(), result.project());
			}
			return Outcome.valueOf(result.outcome().name());
		}
		catch (ExpectedFailure ex) {
			List<ImportJob.RowError> errors = new ArrayList<>();
			for (PayloadError e : ex.errors()) {
				errors.add(new ImportJob.RowError(rowNumber, column(e.field()), e.message()));
			}
			throw new RowRejected(errors);
		}
		catch (ApiException ex) {
			throw new RowRejected(List.of(new ImportJob.RowError(rowNumber, null, ex.message())));
		}
	}

	/**
	 * input.totalInvestment → totalInvestment; input.plannedMonthly[2] →
	 * plannedMonthly03; input.industry.division → industryDivision; input.liaison.cadreId
	 * → liaisonCadre.
	 */
	static String column(String field) {
		if (field == null) {
			return null;
		}
		String f = field.startsWith("input.") ? field.substring(6) : field;
		if (f.startsWith("plannedMonthly[")) {
			int month = Integer.parseInt(f.substring(15, f.indexOf(']'))) + 1;
			return String.format("plannedMonthly%02d", month);
		}
		if (f.startsWith("industry.")) {
			return f.endsWith("division") ? "industryDivision" : "industrySection";
		}
		if (f.startsWith("liaison.")) {
			return f.contains("cadre") ? "liaisonCadre"
					: f.contains("department") ? "liaisonDepartment" : "liaisonCityLeader";
		}
		if (f.startsWith("location.")) {
			return "address";
		}
		if (f.startsWith("coDepartmentCodes[")) {
			return "coDepartmentCodes";
		}
		if (f.startsWith("approvals")) {
			return "approvals";
		}
		int bracket = f.indexOf('[');
		String head = bracket > 0 ? f.substring(0, bracket) : f;
		return COLUMNS.getOrDefault(head, head);
	}

}
