package gov.shaoxing.investment.store;

import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's memory backend with {@link IdFirst} collections, so the tests'
 * store plans queries as the file store does.
 */
final class MemoryStoreBackend extends MemoryBackend {

	/**
	 * Set after the super constructor, which may already scan while opening collections.
	 */
	private LongAdder scans = new LongAdder();

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new Database(databaseName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return super.handleCommand(channel, database, command, IdFirst.withFindBatch(command, query));
	}

	@Override
	protected Document handleGetMore(String databaseName, String command, Document query) {
		return super.handleGetMore(databaseName, command, IdFirst.withBatchSize(query, getCursorRegistry()));
	}

	long scans() {
		return this.scans.sum();
	}

	private void countScan() {
		LongAdder counter = this.scans;
		if (counter != null) {
			counter.increment();
		}
	}

	private final class Database extends MemoryDatabase {

		Database(String name) {
			super(name, getCursorRegistry());
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new IdFirst.Memory(this, collectionName, options, this.cursorRegistry,
					MemoryStoreBackend.this::countScan);
		}

	}

}
