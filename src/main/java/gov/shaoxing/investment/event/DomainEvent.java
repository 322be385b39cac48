package gov.shaoxing.investment.event;

import java.time.Instant;

import gov.shaoxing.investment.common.Ids;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event in the {@code events} collection (an outbox): writers insert one after
 * changing state, and every instance learns of it from a change stream on this collection
 * (or, without one, by polling it in id order).
 *
 * @param id time-ordered ({@link Ids}, prefix {@code E}), so that sorting by id sorts by
 * time
 * @param at when it was published; real MongoDB deletes it a day later by the TTL index,
 * {@link EventCleanup} does the same on stores that ignore TTL indexes
 */
@Document(DomainEvent.COLLECTION)
public record DomainEvent(@Id String id, EventType type, String districtCode, String departmentCode, String subjectId,
		@Indexed(expireAfter = "1d") Instant at) {

	static final String COLLECTION = "events";

	static final String ID_PREFIX = "E";

	/**
	 * The smallest id an event published at {@code at} can have: ids are the prefix, a
	 * time stamp, a dash and a random part.
	 */
	static String floorId(Instant at) {
		String id = Ids.next(ID_PREFIX, at);
		return id.substring(0, id.lastIndexOf('-'));
	}

	/**
	 * Just above every time-ordered event id, so that ids in another format (older UUIDs)
	 * stay out of ranges.
	 */
	static final String CEILING_ID = "F";

}
