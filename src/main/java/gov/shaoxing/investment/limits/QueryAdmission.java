package gov.shaoxing.investment.limits;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many queries execute at once. Reads are CPU-bound on the in-memory read
 * models, so more of them running than the cores can serve only adds context switches and
 * in-flight garbage and starves the JIT's compiler thread; the rest wait their turn in
 * arrival order. Mutations and subscriptions are not gated: a write spends most of its
 * time waiting for the disk, and its waiters share one sync.
 */
final class QueryAdmission {

	private final Semaphore permits;

	/**
	 * @param concurrentQueries most queries executing at once; 0 or less for no bound
	 */
	QueryAdmission(int concurrentQueries) {
		this.permits = (concurrentQueries > 0) ? new Semaphore(concurrentQueries, true) : null;
	}

	/**
	 * Waits for a turn, at most until {@code deadline} ({@link System#nanoTime()}).
	 * @return whether the caller holds a turn it must {@link #leave()}; false when the
	 * deadline passed first
	 */
	boolean enter(long deadline) {
		if (this.permits == null) {
			return true;
		}
		try {
			// the timed form keeps arrival order; tryAcquire() would barge
			return this.permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Gives back a turn {@link #enter(long)} granted. */
	void leave() {
		if (this.permits != null) {
			this.permits.release();
		}
	}

	/** Turns free now, for tests; {@link Integer#MAX_VALUE} when unbounded. */
	int available() {
		return (this.permits != null) ? this.permits.availablePermits() : Integer.MAX_VALUE;
	}

}
