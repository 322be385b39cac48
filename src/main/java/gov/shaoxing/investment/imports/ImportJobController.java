package gov.shaoxing.investment.imports;

import java.util.Locale;

import gov.shaoxing.investment.common.Messages;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ImportJobController {

	private final ImportJobs jobs;

	private final Messages messages;

	ImportJobController(ImportJobs jobs, Messages messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	/** A row error's message, worded in the reader's language. */
	@SchemaMapping(typeName = "ImportRowError", field = "message")
	String message(ImportJob.RowError error, Locale locale) {
		return this.messages.get(error.message(), locale);
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
