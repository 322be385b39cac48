package gov.shaoxing.investment.supervision;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import gov.shaoxing.investment.common.ReadModelProperties;
import gov.shaoxing.investment.event.ChangeFeed;
import gov.shaoxing.investment.event.EventType;
import jakarta.annotation.PostConstruct;

import org.springframework.stereotype.Component;

/**
 * Built bulletins and rankings, reused until anything they depend on changes: every
 * domain event from any instance (reports, lights, notices, statistics) starts a new
 * generation. Dashboards read far more often than the field writes, so most requests are
 * answered from here; a change costs one rebuild. Off with the read model.
 */
@Component
class SupervisionCache {

	private final ChangeFeed feed;

	private final boolean enabled;

	private final AtomicLong generation = new AtomicLong();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	SupervisionCache(ChangeFeed feed, ReadModelProperties readModel) {
		this.feed = feed;
		this.enabled = readModel.enabled();
	}

	@PostConstruct
	void follow() {
		this.feed.follow(EnumSet.allOf(EventType.class), this::invalidate);
	}

	void invalidate() {
		this.generation.incrementAndGet();
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> build) {
		if (!this.enabled) {
			return build.get();
		}
		long current = this.generation.get();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.generation() == current) {
			return (T) entry.value();
		}
		T value = build.get();
		if (this.entries.size() > 200) {
			this.entries.clear();
		}
		this.entries.put(key, new Entry(current, value));
		return value;
	}

	private record Entry(long generation, Object value) {
	}

}
