package gov.shaoxing.investment.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mutation, as it happened: who, when, what, the input, and the changed document
 * before and after.
 */
@Document("audit_log")
public record AuditRecord(@Id String id, Instant at, @Indexed String actor, String role, @Indexed String action,
		Map<String, Object> input, String outcome, List<String> errorCodes, String subjectType,
		@Indexed String subjectId, Map<String, Object> before, Map<String, Object> after) {
}
