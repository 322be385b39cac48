package gov.shaoxing.investment.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mongo-java-server, started only when no URI is configured. Its listener is
 * watched: if it stops accepting connections it is bound again on the same port, over the
 * same store, so the driver reconnects by itself.
 */
final class EmbeddedStore {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

	static final String HOST = "127.0.0.1";

	/**
	 * Network threads of the listener. Each blocks while its write waits for the disk, so
	 * there are enough for the writers of a busy instance to share one sync.
	 */
	static final int WORKER_THREADS = 64;

	private final StoreProperties properties;

	private MongoBackend backend;

	private DataDirectory directory;

	private MongoServer server;

	private int port;

	private ScheduledExecutorService watchdog;

	EmbeddedStore(StoreProperties properties) {
		this.properties = properties;
	}

	/** Opens the store and its listener; returns the connection string. */
	synchronized String start() {
		String where;
		if (this.properties.mode() == StoreProperties.Mode.MEMORY) {
			this.backend = new MemoryStoreBackend();
			where = "in memory (nothing survives a restart)";
		}
		else {
			Path dir = Path.of(this.properties.dataDir()).toAbsolutePath().normalize();
			try {
				Files.createDirectories(dir);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot create data directory " + dir, ex);
			}
			Path file = dir.resolve("investment.mv.db");
			this.directory = new DataDirectory(dir, this.properties.minFreeSpace().toBytes());
			this.backend = new DurableH2Backend(file, this.directory);
			where = "H2 file " + file + ", each write on disk before it is acknowledged";
		}
		this.backend.version(ServerVersion.MONGO_5_0);
		if (this.properties.oplog()) {
			this.backend.enableOplog();
		}
		listen();
		log.info("Store: embedded mongo-java-server, {}, on {}:{}, oplog {} (set MONGODB_URI to use a real MongoDB)",
				where, HOST, this.port, this.properties.oplog() ? "on" : "off");
		this.watchdog = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "embedded-store-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.watchdog.scheduleWithFixedDelay(this::relistenIfDead, 1, 1, TimeUnit.SECONDS);
		return "mongodb://" + HOST + ":" + this.port + "/";
	}

	private void listen() {
		MongoServer next = new MongoServer(new KeepOpen(this.backend));
		next.bind(new InetSocketAddress(HOST, this.port), 1, WORKER_THREADS);
		this.port = next.getLocalAddress().getPort();
		this.server = next;
	}

	/**
	 * Whether something still listens on the port: binding it succeeds only when nothing
	 * does (connections left in TIME_WAIT do not count, with address reuse).
	 */
	private boolean listening() {
		try (ServerSocket probe = new ServerSocket()) {
			probe.setReuseAddress(true);
			probe.bind(new InetSocketAddress(HOST, this.port));
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	synchronized void relistenIfDead() {
		if (this.server == null || listening()) {
			return;
		}
		log.warn("Store: the embedded store's listener on port {} stopped; starting it again", this.port);
		try {
			this.server.shutdownNow();
		}
		catch (RuntimeException ex) {
			log.debug("Closing the dead listener: {}", ex.toString());
		}
		try {
			listen();
			log.info("Store: the embedded store listens again on {}:{}", HOST, this.port);
		}
		catch (RuntimeException ex) {
			log.error("Store: could not listen on port {} again, will retry: {}", this.port, ex.toString());
		}
	}

	/** Stops the listener as a failure would: connections dropped, port closed. */
	synchronized void killListener() {
		this.server.shutdownNow();
	}

	synchronized void stop() {
		if (this.watchdog != null) {
			this.watchdog.shutdownNow();
			this.watchdog = null;
		}
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
		if (this.backend != null) {
			this.backend.close();
			this.backend = null;
		}
	}

	/** The file store's data directory; null in memory mode or before start. */
	public DataDirectory dataDirectory() {
		return this.directory;
	}

	int port() {
		return this.port;
	}

	MongoBackend backend() {
		return this.backend;
	}

	/** Full collection scans the store has made (only queries no index answered). */
	long scans() {
		if (this.backend instanceof DurableH2Backend h2) {
			return h2.scans();
		}
		return this.backend instanceof MemoryStoreBackend memory ? memory.scans() : 0;
	}

	/**
	 * The backend as a listener sees it, except that a listener's shutdown does not close
	 * the store, so that a new listener can take over the same data.
	 */
	private record KeepOpen(MongoBackend store) implements MongoBackend {

		@Override
		public void handleClose(Channel channel) {
			this.store.handleClose(channel);
		}

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			return this.store.handleCommand(channel, database, command, query);
		}

		@Override
		public QueryResult handleQuery(MongoQuery query) {
			return this.store.handleQuery(query);
		}

		@Override
		public Document handleMessage(MongoMessage message) {
			return this.store.handleMessage(message);
		}

		@Override
		public void dropDatabase(String database) {
			this.store.dropDatabase(database);
		}

		@Override
		public Collection<Document> getCurrentOperations(MongoQuery query) {
			return this.store.getCurrentOperations(query);
		}

		@Override
		public Document getServerStatus() {
			return this.store.getServerStatus();
		}

		@Override
		public void close() {
			// the store outlives its listeners; EmbeddedStore.stop closes it
		}

		@Override
		public void closeCursors(List<Long> cursorIds) {
			this.store.closeCursors(cursorIds);
		}

		@Override
		public Clock getClock() {
			return this.store.getClock();
		}

		@Override
		public void enableOplog() {
			this.store.enableOplog();
		}

		@Override
		public void disableOplog() {
			this.store.disableOplog();
		}

		@Override
		public MongoDatabase resolveDatabase(String database) {
			return this.store.resolveDatabase(database);
		}

		@Override
		public MongoBackend version(MongoVersion version) {
			this.store.version(version);
			return this;
		}

	}

}
