package gov.shaoxing.investment.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: a writer whose write has finished waits until a sync
 * that started after it has completed. Whoever finds no sync under way runs the next one
 * for every writer finished by then, so concurrent writers share one sync instead of
 * taking turns at the disk.
 */
final class GroupCommit {

	/** Writes the store's changes to its file and forces them to the disk. */
	interface Sync {

		void run();

	}

	private final Sync sync;

	/** Tickets handed to writers whose write has finished, in order. */
	private final AtomicLong finished = new AtomicLong();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition synced = this.lock.newCondition();

	/** Every ticket up to this one is on disk. Guarded by {@link #lock}. */
	private long durable;

	/** A sync is running. Guarded by {@link #lock}. */
	private boolean syncing;

	private final AtomicLong syncs = new AtomicLong();

	GroupCommit(Sync sync) {
		this.sync = sync;
	}

	/**
	 * Returns once everything this thread wrote before the call is on disk. Throws the
	 * sync's failure to the writer that ran it; the others then try a sync of their own,
	 * so no writer returns normally unless a sync covering it succeeded.
	 */
	void awaitDurable() {
		long ticket = this.finished.incrementAndGet();
		this.lock.lock();
		try {
			while (this.durable < ticket) {
				if (this.syncing) {
					this.synced.awaitUninterruptibly();
					continue;
				}
				long upTo = this.finished.get();
				this.syncing = true;
				this.lock.unlock();
				try {
					this.sync.run();
				}
				finally {
					this.lock.lock();
					this.syncing = false;
					this.syncs.incrementAndGet();
					this.synced.signalAll();
				}
				this.durable = Math.max(this.durable, upTo);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many syncs have run. */
	long syncs() {
		return this.syncs.get();
	}

	/** How many writes have asked for one. */
	long writes() {
		return this.finished.get();
	}

}
