package gov.shaoxing.investment.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made durable: a write command's reply is held until its
 * changes are committed to the MVStore file and forced to the disk, so an acknowledged
 * write survives {@code kill -9} and power loss. Writers waiting at the same moment share
 * one commit and sync ({@link GroupCommit}). Writes are refused, before they are made,
 * while the data directory is short of space or not writable. Collections look documents
 * up by {@code _id} first ({@link IdFirst}).
 */
final class DurableH2Backend extends H2Backend {

	/** MongoDB's code for a write refused for lack of disk space. */
	static final int OUT_OF_DISK_SPACE = 14031;

	/** MongoDB's code for a write whose durability could not be confirmed. */
	static final int WRITE_CONCERN_FAILED = 64;

	/** Commands that change the store (lower case). */
	static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "createindexes",
			"drop", "dropindexes", "dropdatabase", "renamecollection");

	private final DataDirectory directory;

	private final GroupCommit commits;

	/**
	 * Set after the super constructor, which may already scan while opening collections.
	 */
	private LongAdder scans = new LongAdder();

	DurableH2Backend(Path file, DataDirectory directory) {
		// the background writer stays on: it also compacts the file; durability comes
		// from the explicit commit and sync below, not from its one-second timer
		super(new MVStore.Builder().fileName(file.toString()).open());
		this.directory = directory;
		MVStore store = getMvStore();
		this.commits = new GroupCommit(() -> {
			store.commit();
			store.sync();
		});
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		// Every commit makes a version; a long scan still reading an older one must keep
		// its chunks, or the background writer drops them under it ("Chunk not found").
		MVStore.TxCounter reading = getMvStore().registerVersionUsage();
		try {
			return handleInVersion(channel, database, command, IdFirst.withFindBatch(command, query));
		}
		finally {
			getMvStore().deregisterVersionUsage(reading);
		}
	}

	private Document handleInVersion(Channel channel, String database, String command, Document query) {
		if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			return super.handleCommand(channel, database, command, query);
		}
		String refusal = this.directory.refusal();
		if (refusal != null) {
			throw new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace", "Write refused: " + refusal + ".");
		}
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			// also after a failed command: part of a batch may have been written
			durable();
		}
	}

	private void durable() {
		try {
			this.commits.awaitDurable();
		}
		catch (RuntimeException ex) {
			throw new MongoServerError(WRITE_CONCERN_FAILED, "WriteConcernFailed",
					"The write could not be made durable: " + ex.getMessage());
		}
	}

	@Override
	protected Document handleGetMore(String databaseName, String command, Document query) {
		return super.handleGetMore(databaseName, command, IdFirst.withBatchSize(query, getCursorRegistry()));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	/** Full collection scans so far (queries that no index could answer). */
	long scans() {
		return this.scans.sum();
	}

	GroupCommit commits() {
		return this.commits;
	}

	/**
	 * H2's database with {@link IdFirst} collections, over the same maps (same names) as
	 * the plain backend's, so files written by either open with the other. An inner
	 * class: the super constructor opens existing collections before any field of this
	 * class could be set, and the enclosing backend is already known then.
	 */
	private final class Database extends H2Database {

		Database(String name) {
			super(name, getMvStore(), getCursorRegistry());
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String full = getFullCollectionNamespace(collectionName);
			MVStore store = getMvStore();
			return new IdFirst.H2(this, collectionName, options, store.openMap("databases." + full),
					store.openMap("meta." + full), this.cursorRegistry, DurableH2Backend.this::countScan);
		}

	}

	private void countScan() {
		LongAdder counter = this.scans;
		if (counter != null) {
			counter.increment();
		}
	}

}
