package gov.shaoxing.investment.event;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than the retention (a day). Real MongoDB does this by the TTL
 * index on {@code at}; the embedded store ignores TTL indexes, so without this the
 * collection would only grow. Safe on every instance.
 */
@Component
class EventCleanup {

	private static final Logger log = LoggerFactory.getLogger(EventCleanup.class);

	private final MongoTemplate mongo;

	private final EventProperties properties;

	EventCleanup(MongoTemplate mongo, EventProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${investment.events.cleanup-interval:PT1H}", initialDelayString = "PT1M")
	void deleteExpired() {
		try {
			long deleted = deleteOlderThan(Instant.now().minus(this.properties.retention()));
			if (deleted > 0) {
				log.debug("Deleted {} expired events", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Expired events were not deleted: {}", ex.toString());
		}
	}

	long deleteOlderThan(Instant cutoff) {
		return this.mongo.remove(Query.query(Criteria.where("at").lt(cutoff)), DomainEvent.class).getDeletedCount();
	}

}
