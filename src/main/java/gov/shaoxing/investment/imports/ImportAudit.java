package gov.shaoxing.investment.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import gov.shaoxing.investment.audit.AuditRecord;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.security.Actor;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one audit record per applied row, under the job's id, with the document before
 * and after, in the same shape as the records of mutations.
 */
@Component
class ImportAudit {

	private final MongoTemplate mongo;

	ImportAudit(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void row(ImportJob job, Actor actor, int row, String subjectType, String subjectId, String outcome, Object before,
			Object after) {
		this.mongo.insert(new AuditRecord(Ids.next("A"), Instant.now(), actor.name(),
				actor.role() == null ? null : actor.role().name(), "import:" + job.kind(),
				Map.of("jobId", job.id(), "row", row, "fileName", job.fileName() == null ? "" : job.fileName(),
						"result", outcome),
				"OK", List.of(), subjectType, subjectId, document(before), document(after)));
	}

	private Map<String, Object> document(Object value) {
		if (value == null) {
			return null;
		}
		Document document = new Document();
		this.mongo.getConverter().write(value, document);
		return document;
	}

}
