package gov.shaoxing.investment.imports;

import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImportJobController {

	private final ImportJobs jobs;

	ImportJobController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	/** Only who started a job, admins and the city supervisor see it. */
	@QueryMapping
	ImportJob importJob(@Argument String id) {
		Actor actor = CurrentActor.get();
		AccessPolicy.requireSignedIn(actor);
		ImportJob job = this.jobs.get(id);
		if (job == null) {
			return null;
		}
		if (!job.startedBy().equals(actor.name())) {
			AccessPolicy.requireMayReadAudit(actor);
		}
		return job;
	}

}
