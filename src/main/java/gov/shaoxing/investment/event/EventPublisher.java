package gov.shaoxing.investment.event;

import java.time.Instant;
import java.util.List;

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

	/** An event to publish, with others in one insert ({@link #publishAll}). */
	public record Draft(EventType type, String districtCode, String departmentCode, String subjectId) {
	}

	public void publish(EventType type, String districtCode, String departmentCode, String subjectId) {
		publishAll(List.of(new Draft(type, districtCode, departmentCode, subjectId)));
	}

	/**
	 * Publishes events in their order with one insert, so a write step that raises
	 * several pays for one durable command, not one each.
	 */
	public void publishAll(List<Draft> drafts) {
		if (drafts.isEmpty()) {
			return;
		}
		// Wall-clock time, not the business Clock (which tests pin): the id's time orders
		// the polling fallback and the time drives expiry, both of which must follow real
		// time on every instance.
		Instant now = Instant.now();
		List<DomainEvent> events = drafts.stream()
			.map((d) -> new DomainEvent(Ids.next(DomainEvent.ID_PREFIX, now), d.type(), d.districtCode(),
					d.departmentCode(), d.subjectId(), now))
			.toList();
		this.mongo.insert(events, DomainEvent.class);
		// this instance's caches hear of them at once, before the change feed brings them
		// to every instance
		events.forEach(this.local::publishEvent);
	}

}
