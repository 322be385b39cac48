package gov.shaoxing.investment.common;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads every {@link Warmable} read model after the seed and the integrity check and
 * before the web server, then (with {@code investment.read-model.settle-heap}, on by
 * default) runs one full collection. That moves the long-lived copies into the old
 * generation at once; otherwise the first young collections under load copy them between
 * survivor spaces, which were the 0.2 to 1 s pauses behind the card's p99 a minute after
 * start.
 */
@Component
class ReadModelWarmer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadModelWarmer.class);

	/** After the seed (-100) and the integrity check (-50), before the web server. */
	static final int PHASE = -40;

	private final ObjectProvider<Warmable> readModels;

	private final ReadModelProperties properties;

	private volatile boolean running;

	ReadModelWarmer(ObjectProvider<Warmable> readModels, ReadModelProperties properties) {
		this.readModels = readModels;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.enabled()) {
			return;
		}
		// the loads are independent, and on a large store each takes tens of seconds of
		// decoding, on the store's side and ours: side by side they share the cores
		List<Thread> loads = new ArrayList<>();
		this.readModels.orderedStream().forEach((readModel) -> {
			Thread load = new Thread(() -> warm(readModel), "read-model-load-" + loads.size());
			load.start();
			loads.add(load);
		});
		for (Thread load : loads) {
			try {
				load.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (this.properties.settleHeap()) {
			long started = System.nanoTime();
			System.gc();
			MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			log.info("Read models loaded; heap settled at {} MiB in {} ms", heap.getUsed() >> 20,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	private static void warm(Warmable readModel) {
		try {
			readModel.warm();
		}
		catch (RuntimeException ex) {
			// the store may be down: the first request loads it, or says
			// STORE_UNAVAILABLE
			log.warn("Read model not loaded at start-up: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
