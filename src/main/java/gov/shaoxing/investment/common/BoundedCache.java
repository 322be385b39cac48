package gov.shaoxing.investment.common;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A least-recently-used map bounded both in entries and in total weight (characters,
 * say), safe for concurrent use. For per-request caches whose keys come from callers
 * (query texts, tokens): callers must not be able to grow it without limit. One lock: the
 * work under it is a hash lookup, far less than what the cache saves.
 */
public final class BoundedCache<K, V> {

	private final int maxEntries;

	private final long maxWeight;

	private final LinkedHashMap<K, Weighted<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long weight;

	public BoundedCache(int maxEntries, long maxWeight) {
		this.maxEntries = maxEntries;
		this.maxWeight = maxWeight;
	}

	public synchronized V get(K key) {
		Weighted<V> entry = this.entries.get(key);
		return (entry != null) ? entry.value() : null;
	}

	/**
	 * Keeps the value, forgetting the least recently used beyond the bounds; one heavier
	 * than all is not kept.
	 */
	public synchronized void put(K key, V value, long weight) {
		if (this.maxEntries <= 0 || weight > this.maxWeight) {
			return;
		}
		Weighted<V> previous = this.entries.put(key, new Weighted<>(value, weight));
		this.weight += weight - ((previous != null) ? previous.weight() : 0);
		Iterator<Weighted<V>> eldest = this.entries.values().iterator();
		while ((this.entries.size() > this.maxEntries || this.weight > this.maxWeight) && eldest.hasNext()) {
			this.weight -= eldest.next().weight();
			eldest.remove();
		}
	}

	public synchronized void remove(K key) {
		Weighted<V> previous = this.entries.remove(key);
		if (previous != null) {
			this.weight -= previous.weight();
		}
	}

	/** Forgets every entry the test accepts (expired ones, say). */
	public synchronized void removeIf(BiPredicate<? super K, ? super V> test) {
		Iterator<Map.Entry<K, Weighted<V>>> all = this.entries.entrySet().iterator();
		while (all.hasNext()) {
			Map.Entry<K, Weighted<V>> entry = all.next();
			if (test.test(entry.getKey(), entry.getValue().value())) {
				this.weight -= entry.getValue().weight();
				all.remove();
			}
		}
	}

	public synchronized int size() {
		return this.entries.size();
	}

	private record Weighted<V>(V value, long weight) {
	}

}
