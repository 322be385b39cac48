package gov.shaoxing.investment.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.common.Connection;
import gov.shaoxing.investment.common.FeedPaging;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.CurrentActor;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private final FeedPaging feeds;

	AuditController(FeedPaging feeds) {
		this.feeds = feeds;
	}

	@QueryMapping
	Connection<AuditRecord> auditLog(@Argument AuditFilter filter, @Argument Integer first, @Argument String after) {
		AccessPolicy.requireMayReadAudit(CurrentActor.get());
		List<Criteria> all = new ArrayList<>();
		if (filter != null) {
			if (filter.actor() != null) {
				all.add(Criteria.where("actor").is(filter.actor()));
			}
			if (filter.actions() != null) {
				all.add(Criteria.where("action").in(filter.actions()));
			}
			if (filter.subjectId() != null) {
				all.add(Criteria.where("subjectId").is(filter.subjectId()));
			}
			if (filter.from() != null) {
				all.add(Criteria.where("at").gte(filter.from().toInstant()));
			}
			if (filter.to() != null) {
				all.add(Criteria.where("at").lte(filter.to().toInstant()));
			}
		}
		Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
		return this.feeds.page(criteria, AuditRecord.class, first, after, AuditRecord::id);
	}

	/** The {@code AuditFilter} input. */
	record AuditFilter(String actor, List<String> actions, String subjectId, OffsetDateTime from, OffsetDateTime to) {
	}

}
