package gov.shaoxing.investment.event;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Records domain events in the {@code events} collection, where the change feed of every instance picks them up. */
@Component
public class EventPublisher {

	private final MongoTemplate mongo;

	EventPublisher(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void publish(EventType type, String districtCode, String departmentCode, String subjectId) {
		this.mongo.insert(new DomainEvent(UUID.randomUUID().toString(), type, districtCode, departmentCode, subjectId,
				Instant.now()));
	}

}
