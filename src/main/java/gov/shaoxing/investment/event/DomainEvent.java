package gov.shaoxing.investment.event;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event in the {@code events} collection (an outbox): writers insert one after changing state, and every
 * instance learns of it from a change stream on this collection.
 */
@Document("events")
public record DomainEvent(@Id String id, EventType type, String districtCode, String departmentCode,
		String subjectId, @Indexed(expireAfter = "1d") Instant at) {
}
