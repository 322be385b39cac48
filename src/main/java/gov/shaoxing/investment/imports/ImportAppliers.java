package gov.shaoxing.investment.imports;

import gov.shaoxing.investment.progress.ProgressService;
import gov.shaoxing.investment.project.ProjectCreateService;
import gov.shaoxing.investment.security.Actor;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Makes the row appliers of a job, each bound to the job and the actor who sent it. */
@Component
class ImportAppliers {

	private final ProjectCreateService creates;

	private final ProjectRowMapper projectRows;

	private final ProgressService progress;

	private final ProgressRowMapper progressRows;

	private final MongoTemplate mongo;

	private final ImportAudit audit;

	ImportAppliers(ProjectCreateService creates, ProjectRowMapper projectRows, ProgressService progress,
			ProgressRowMapper progressRows, MongoTemplate mongo, ImportAudit audit) {
		this.creates = creates;
		this.projectRows = projectRows;
		this.progress = progress;
		this.progressRows = progressRows;
		this.mongo = mongo;
		this.audit = audit;
	}

	RowApplier<ProjectRow> projects(ImportJob job, Actor actor) {
		return new ProjectRowApplier(this.creates, this.projectRows, this.audit, job, actor);
	}

	RowApplier<ProgressRow> progress(ImportJob job, Actor actor) {
		return new ProgressRowApplier(this.progress, this.progressRows, this.mongo, this.audit, job, actor);
	}

}
