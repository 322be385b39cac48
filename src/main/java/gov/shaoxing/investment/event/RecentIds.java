package gov.shaoxing.investment.event;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of recently delivered events, so an event read twice (a poll's look-back, a
 * catch-up overlapping the new stream) is delivered once. Bounded by count, and forgotten
 * by the events' own time rather than the wall clock: a catch-up after an outage of any
 * length still recognises what was delivered just before it. That, and evicting oldest
 * first, is why this is not a Caffeine cache (its size eviction may drop a recent id, its
 * expiry follows the wall clock). Touched by the feed thread only.
 */
final class RecentIds {

	private static final int MAX = 10_000;

	private final Map<String, Instant> ids = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > MAX;
		}

	};

	/** True when the event was not delivered before. */
	boolean add(DomainEvent event) {
		return this.ids.putIfAbsent(event.id(), event.at() != null ? event.at() : Instant.now()) == null;
	}

	void forgetBefore(Instant time) {
		Iterator<Instant> oldestFirst = this.ids.values().iterator();
		while (oldestFirst.hasNext() && oldestFirst.next().isBefore(time)) {
			oldestFirst.remove();
		}
	}

}
