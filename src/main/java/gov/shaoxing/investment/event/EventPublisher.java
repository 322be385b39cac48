package gov.shaoxing.investment.event;

import java.time.Instant;

import gov.shaoxing.investment.common.Ids;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Records domain events in the {@code events} collection, where the change feed of every
 * instance picks them up.
 */
@Component
public class EventPublisher {

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher local;

	EventPublisher(MongoTemplate mongo, ApplicationEventPublisher local) {
		this.mongo = mongo;
		this.local = local;
	}

	public void publish(EventType type, String districtCode, String departmentCode, String subjectId) {
		// Wall-clock time, not the business Clock (which tests pin): the id's time orders
		// the polling fallback and
		// the time drives expiry, both of which must follow real time on every instance.
		Instant now = Instant.now();
		DomainEvent event = this.mongo.insert(new DomainEvent(Ids.next(DomainEvent.ID_PREFIX, now), type, districtCode,
				departmentCode, subjectId, now));
		// this instance's caches hear of it at once, before the change feed brings it to
		// every instance
		this.local.publishEvent(event);
	}

}
