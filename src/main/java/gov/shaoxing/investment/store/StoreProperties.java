package gov.shaoxing.investment.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives: a real MongoDB when {@code uri} is set (from
 * {@code MONGODB_URI}), otherwise the embedded store, kept in H2 files under
 * {@code dataDir} or, with {@code mode: memory}, only in memory.
 */
@ConfigurationProperties("investment.store")
public record StoreProperties(String uri, Mode mode, String dataDir, boolean oplog) {

	public enum Mode {

		FILE, MEMORY

	}

	public StoreProperties {
		mode = mode == null ? Mode.FILE : mode;
		dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
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
