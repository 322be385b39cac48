package gov.shaoxing.investment.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded store's data directory: whether it can take writes now. Below the free
 * space threshold, or when a file cannot be created in it, writes are refused before they
 * are made (so none is acknowledged that the disk may not keep) and health is DOWN.
 * Checked at most every {@value #RECHECK_MILLIS} ms, because every write asks.
 */
final class DataDirectory {

	static final long RECHECK_MILLIS = 250;

	private final Path dir;

	private final long minFreeBytes;

	private volatile State state;

	DataDirectory(Path dir, long minFreeBytes) {
		this.dir = dir;
		this.minFreeBytes = minFreeBytes;
	}

	/** What the last check found. */
	public record State(long freeBytes, long minFreeBytes, boolean writable, String problem, long checkedAt) {

		public boolean ok() {
			return this.problem == null;
		}

	}

	public long minFreeBytes() {
		return this.minFreeBytes;
	}

	/** The current state, checked again if the last check is older than a moment. */
	public State state() {
		State last = this.state;
		long now = System.currentTimeMillis();
		if (last == null || now - last.checkedAt() >= RECHECK_MILLIS) {
			last = check(now);
			this.state = last;
		}
		return last;
	}

	/** The reason writes are refused now, or null when they may go ahead. */
	String refusal() {
		return state().problem();
	}

	private State check(long now) {
		long free;
		try {
			free = Files.getFileStore(this.dir).getUsableSpace();
		}
		catch (IOException | RuntimeException ex) {
			return new State(0, this.minFreeBytes, false, "the data directory cannot be read", now);
		}
		boolean writable = probeWrite();
		String problem = null;
		if (!writable) {
			problem = "the data directory is not writable";
		}
		else if (free < this.minFreeBytes) {
			problem = "the data directory has " + megabytes(free) + " free, below the " + megabytes(this.minFreeBytes)
					+ " of investment.store.min-free-space";
		}
		return new State(free, this.minFreeBytes, writable, problem, now);
	}

	/**
	 * Creates and deletes a file: permission bits alone say nothing when the service runs
	 * as root, or on a read-only mount.
	 */
	private boolean probeWrite() {
		try {
			Path probe = Files.createTempFile(this.dir, ".write-probe", ".tmp");
			Files.delete(probe);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + "MB";
	}

}
