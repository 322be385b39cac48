package gov.shaoxing.investment.project;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.project.ProjectRecordInputs.LiaisonInput;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;

import org.springframework.stereotype.Service;

/**
 * Assigns a project's 一对一 liaison ({@code assignLiaison}): the city leader must be one,
 * the cadre must belong to the department, and the previous liaison stays in
 * {@code liaisonHistory} with the time its responsibility ended. The same liaison again
 * changes nothing.
 */
@Service
class LiaisonAssignments {

	private final ProjectUpdateService updates;

	private final ProjectRules rules;

	private final Clock clock;

	LiaisonAssignments(ProjectUpdateService updates, ProjectRules rules, Clock clock) {
		this.updates = updates;
		this.rules = rules;
		this.clock = clock;
	}

	public Project assign(AssignLiaisonInput in, Actor actor) {
		AccessPolicy.requireMayAssignLiaisons(actor);
		String code = GlobalId.keyOf(in.projectId(), "Project");
		return this.updates.change(code, in.expectedRevision(), (current) -> {
		}, (current) -> {
			List<PayloadError> errors = new ArrayList<>();
			Project.Liaison liaison = this.rules
				.liaison(new LiaisonInput(in.cityLeaderId(), in.departmentCode(), in.cadreId()), errors, "input");
			String reason = ProjectRules.text(in.reason());
			ProjectRules.checkLength(errors, "input.reason", reason, ProjectRules.MAX_REASON);
			if (!errors.isEmpty()) {
				throw new ExpectedFailure(errors);
			}
			if (liaison.equals(current.liaison())) {
				return current;
			}
			Instant now = this.clock.instant();
			return current.toBuilder()
				.liaison(liaison)
				.liaisonHistory(ProjectHistory.withLiaison(current, liaison, now, actor.name(), reason))
				.revision(current.revision() + 1)
				.updatedAt(now)
				.updatedBy(actor.name())
				.build();
		}, false).after();
	}

}
