package gov.shaoxing.investment.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RulesController {

	private final RulesService rules;

	private final Clock clock;

	RulesController(RulesService rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	@QueryMapping
	SupervisionRules supervisionRules(@Argument LocalDate asOf, @Argument Integer version) {
		if (version != null) {
			return this.rules.version(version);
		}
		return this.rules.at(asOf != null ? asOf : LocalDate.now(this.clock));
	}

	@QueryMapping
	List<SupervisionRules> supervisionRuleVersions() {
		return this.rules.all();
	}

	@MutationMapping
	PublishSupervisionRulesPayload publishSupervisionRules(@Argument PublishSupervisionRulesInput input) {
		try {
			return new PublishSupervisionRulesPayload(this.rules.publish(input, CurrentActor.get()), List.of());
		}
		catch (ExpectedFailure ex) {
			return new PublishSupervisionRulesPayload(null, ex.errors());
		}
	}

	/** Result of {@code publishSupervisionRules}. */
	record PublishSupervisionRulesPayload(SupervisionRules rules, List<PayloadError> errors) {
	}

}
