package gov.shaoxing.investment.event;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads the {@code events} collection in id (time) order: the feed's way on a store
 * without change streams, and its catch-up after a stream reopened without a resume
 * token. Works on any store, only later.
 */
final class EventPoller {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	/**
	 * Large, because on the embedded memory store every page is a scan of the whole
	 * collection (the file store walks its sorted ids).
	 */
	private static final int PAGE = 5000;

	private final MongoTemplate mongo;

	private final FeedLoop loop;

	private final EventProperties properties;

	EventPoller(MongoTemplate mongo, FeedLoop loop, EventProperties properties) {
		this.mongo = mongo;
		this.loop = loop;
		this.properties = properties;
	}

	/** Polls the collection until stopped. */
	void poll(CountDownLatch reading) {
		this.loop.delivery = ChangeFeed.Delivery.POLLING;
		Instant from = this.loop.readUpTo;
		boolean failing = false;
		while (this.loop.running) {
			Instant asked = Instant.now();
			try {
				// The feed is hot: a first poll only notes what is already there.
				readSince((from != null ? from : asked).minus(FeedLoop.LOOKBACK), from != null);
				from = asked;
				this.loop.readUpTo = asked;
				if (failing) {
					this.loop.reconnects.incrementAndGet();
					log.info("Change feed: polling the events collection again");
					failing = false;
				}
				reading.countDown();
			}
			catch (RuntimeException ex) {
				if (!this.loop.running) {
					break;
				}
				if (failing) {
					log.debug("Change feed: polling still fails ({})", FeedLoop.summary(ex));
				}
				else {
					log.warn("Change feed: polling the events collection failed ({}); retrying", FeedLoop.summary(ex));
				}
				failing = true;
				reading.countDown();
			}
			this.loop.pause(this.properties.pollInterval());
		}
	}

	/**
	 * Reads events from {@code from} on, a page at a time, and delivers those not
	 * delivered yet (or, when {@code deliver} is false, only notes them). Returns how
	 * many were new.
	 */
	int readSince(Instant from, boolean deliver) {
		this.loop.forgetBefore(from.minus(FeedLoop.LOOKBACK));
		String after = DomainEvent.floorId(from);
		int found = 0;
		while (this.loop.running) {
			Query page = Query.query(Criteria.where("_id").gt(after).lt(DomainEvent.CEILING_ID))
				.with(Sort.by("_id"))
				.limit(PAGE);
			List<DomainEvent> events = this.mongo.find(page, DomainEvent.class);
			for (DomainEvent event : events) {
				if (deliver ? this.loop.emit(event) : this.loop.note(event)) {
					found++;
				}
			}
			if (events.size() < PAGE) {
				break;
			}
			after = events.get(events.size() - 1).id();
		}
		return found;
	}

}
