package gov.shaoxing.investment.common;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-memory copy of a small, rarely written collection (districts, departments,
 * officials, targets, measures), so that hot read paths cost no round trip. When the read
 * model is off it passes every call to the store.
 */
public final class CachedCollection<T> {

	private final boolean enabled;

	private final Supplier<List<T>> loadAll;

	private final Function<Collection<String>, List<T>> loadByIds;

	private final Function<T, String> idOf;

	private volatile Snapshot<T> cache;

	/** Bumped by every invalidation, so a load that raced with a write is not kept. */
	private final AtomicLong generation = new AtomicLong();

	public CachedCollection(ReadModelProperties properties, Supplier<List<T>> loadAll,
			Function<Collection<String>, List<T>> loadByIds, Function<T, String> idOf) {
		this.enabled = properties.enabled();
		this.loadAll = loadAll;
		this.loadByIds = loadByIds;
		this.idOf = idOf;
	}

	/**
	 * Every element, in the loader's order; an unmodifiable list that callers must not
	 * hold on to.
	 */
	public List<T> all() {
		return this.enabled ? snapshot().list() : this.loadAll.get();
	}

	/**
	 * The elements with the given ids, keyed by id; unknown ids are absent. One store
	 * query when uncached.
	 */
	public Map<String, T> byIds(Collection<String> ids) {
		Map<String, T> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		if (this.enabled) {
			Map<String, T> snapshot = snapshot().map();
			for (String id : ids) {
				T value = snapshot.get(id);
				if (value != null) {
					result.put(id, value);
				}
			}
		}
		else {
			for (T value : this.loadByIds.apply(ids)) {
				result.put(this.idOf.apply(value), value);
			}
		}
		return result;
	}

	public T byId(String id) {
		return byIds(List.of(id)).get(id);
	}

	/** Drops the copy; the next read loads it again. */
	public void invalidate() {
		this.generation.incrementAndGet();
		this.cache = null;
	}

	public boolean enabled() {
		return this.enabled;
	}

	private Snapshot<T> snapshot() {
		Snapshot<T> current = this.cache;
		if (current == null) {
			synchronized (this) {
				current = this.cache;
				if (current == null) {
					long loading = this.generation.get();
					List<T> list = List.copyOf(this.loadAll.get());
					Map<String, T> map = new LinkedHashMap<>();
					for (T value : list) {
						map.put(this.idOf.apply(value), value);
					}
					current = new Snapshot<>(list, Collections.unmodifiableMap(map));
					if (this.generation.get() == loading) {
						this.cache = current;
					}
				}
			}
		}
		return current;
	}

	private record Snapshot<T>(List<T> list, Map<String, T> map) {
	}

}
