package gov.shaoxing.investment.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Where the data lives: a real MongoDB when {@code uri} is set (from
 * {@code MONGODB_URI}), otherwise the embedded store, kept in H2 files under
 * {@code dataDir} or, with {@code mode: memory}, only in memory.
 *
 * @param minFreeSpace below this much free space in the data directory the embedded store
 * refuses writes and health is DOWN
 * @param serverSelectionTimeout how long a request waits for a reachable store before it
 * fails with STORE_UNAVAILABLE (unless {@code MONGODB_URI} sets
 * {@code serverSelectionTimeoutMS})
 * @param connectTimeout likewise for opening a connection ({@code connectTimeoutMS})
 * @param socketTimeout likewise for an answer on an open connection
 * ({@code socketTimeoutMS})
 * @param healthTimeout how long the health check waits for the store's answer
 * @param bulkReadTimeout how long a read of a whole collection ({@link BulkReads}) may
 * take
 */
@ConfigurationProperties("investment.store")
public record StoreProperties(String uri, Mode mode, String dataDir, boolean oplog, DataSize minFreeSpace,
		Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout, Duration healthTimeout,
		Duration bulkReadTimeout) {

	public enum Mode {

		FILE, MEMORY

	}

	@ConstructorBinding
	public StoreProperties {
		mode = mode == null ? Mode.FILE : mode;
		dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
		minFreeSpace = minFreeSpace == null ? DataSize.ofMegabytes(100) : minFreeSpace;
		serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(2) : serverSelectionTimeout;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
		socketTimeout = socketTimeout == null ? Duration.ofSeconds(2) : socketTimeout;
		healthTimeout = healthTimeout == null ? Duration.ofSeconds(1) : healthTimeout;
		bulkReadTimeout = bulkReadTimeout == null ? Duration.ofMinutes(10) : bulkReadTimeout;
	}

	/** The defaults for everything but where the data lives. */
	public StoreProperties(String uri, Mode mode, String dataDir, boolean oplog) {
		this(uri, mode, dataDir, oplog, null, null, null, null, null, null);
	}

	public boolean embedded() {
		return uri == null || uri.isBlank();
	}

	/**
	 * False for the embedded store without its oplog, which cannot stream changes (asking
	 * it logs an error).
	 */
	public boolean mayStreamChanges() {
		return !embedded() || this.oplog;
	}

}
