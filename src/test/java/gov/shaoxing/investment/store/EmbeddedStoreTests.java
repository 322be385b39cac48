package gov.shaoxing.investment.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStoreTests {

	@TempDir
	Path dir;

	@Test
	void theFileBackendKeepsDataAcrossRestarts() {
		StoreProperties properties = new StoreProperties(null, StoreProperties.Mode.FILE, this.dir.toString(), false);
		write(properties, new Document("_id", "ZHUJI").append("name", "诸暨市"));
		assertThat(Files.exists(this.dir.resolve("investment.mv.db"))).isTrue();
		assertThat(read(properties, "ZHUJI")).isEqualTo("诸暨市");
	}

	@Test
	void theMemoryBackendStartsEmpty() {
		StoreProperties properties = new StoreProperties(null, StoreProperties.Mode.MEMORY, this.dir.toString(), false);
		write(properties, new Document("_id", "ZHUJI").append("name", "诸暨市"));
		assertThat(read(properties, "ZHUJI")).isNull();
	}

	/**
	 * The file as a crash would leave it: copied while the store is still open, right
	 * after the write was acknowledged.
	 */
	@Test
	void anAcknowledgedWriteIsInTheFileBeforeTheReply() throws Exception {
		StoreProperties properties = new StoreProperties(null, StoreProperties.Mode.FILE,
				this.dir.resolve("live").toString(), false);
		Path crashed = this.dir.resolve("crashed");
		Files.createDirectories(crashed);
		EmbeddedStore store = new EmbeddedStore(properties);
		try (MongoClient client = MongoClients.create(store.start())) {
			MongoCollection<Document> districts = client.getDatabase("investment").getCollection("districts");
			for (int i = 0; i < 20; i++) {
				districts.insertOne(new Document("_id", "D" + i).append("name", "district " + i));
			}
			Files.copy(this.dir.resolve("live").resolve("investment.mv.db"), crashed.resolve("investment.mv.db"));
		}
		finally {
			store.stop();
		}
		StoreProperties afterCrash = new StoreProperties(null, StoreProperties.Mode.FILE, crashed.toString(), false);
		assertThat(read(afterCrash, "D19")).isEqualTo("district 19");
	}

	@Test
	void filesWrittenByThePlainH2BackendOpen() {
		Path file = this.dir.resolve("investment.mv.db");
		MongoServer plain = new MongoServer(new H2Backend(file.toString()));
		try (MongoClient client = MongoClients.create(plain.bindAndGetConnectionString())) {
			client.getDatabase("investment")
				.getCollection("districts")
				.insertOne(new Document("_id", "SHANGYU").append("name", "上虞市"));
		}
		finally {
			plain.shutdownNow();
		}
		StoreProperties properties = new StoreProperties(null, StoreProperties.Mode.FILE, this.dir.toString(), false);
		assertThat(read(properties, "SHANGYU")).isEqualTo("上虞市");
	}

	@Test
	void concurrentWritersShareSyncs() throws Exception {
		StoreProperties properties = new StoreProperties(null, StoreProperties.Mode.FILE, this.dir.toString(), false);
		EmbeddedStore store = new EmbeddedStore(properties);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try (MongoClient client = MongoClients.create(store.start())) {
			MongoCollection<Document> reports = client.getDatabase("investment").getCollection("reports");
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						reports.insertOne(new Document("_id", thread + "-" + i));
					}
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
			GroupCommit commits = ((DurableH2Backend) backend(store)).commits();
			assertThat(commits.writes()).isGreaterThanOrEqualTo(400);
			assertThat(commits.syncs()).isLessThan(commits.writes());
		}
		finally {
			pool.shutdownNow();
			store.stop();
		}
	}

	/** Versioned saves filter on {_id, version}: they must not scan the collection. */
	@Test
	void aFilterThatPinsTheIdReadsOneDocument() {
		for (StoreProperties.Mode mode : StoreProperties.Mode.values()) {
			StoreProperties properties = new StoreProperties(null, mode, this.dir.resolve(mode.name()).toString(),
					false);
			EmbeddedStore store = new EmbeddedStore(properties);
			try (MongoClient client = MongoClients.create(store.start())) {
				MongoCollection<Document> rollups = client.getDatabase("investment").getCollection("rollups");
				List<Document> many = new ArrayList<>();
				for (int i = 0; i < 500; i++) {
					many.add(new Document("_id", "P" + i).append("version", 0L).append("district", "D" + (i % 11)));
				}
				rollups.insertMany(many);
				long before = store.scans();
				UpdateResult saved = rollups.replaceOne(Filters.and(Filters.eq("_id", "P7"), Filters.eq("version", 0L)),
						new Document("_id", "P7").append("version", 1L).append("district", "D7"));
				UpdateResult stale = rollups.replaceOne(Filters.and(Filters.eq("_id", "P7"), Filters.eq("version", 0L)),
						new Document("_id", "P7").append("version", 1L), new ReplaceOptions());
				Document found = rollups.find(Filters.and(Filters.eq("_id", "P7"), Filters.eq("district", "D7")))
					.first();
				assertThat(store.scans()).as(mode + ": scans for _id-pinned filters").isEqualTo(before);
				assertThat(saved.getModifiedCount()).isEqualTo(1);
				assertThat(stale.getMatchedCount()).as("a stale version matches nothing").isZero();
				assertThat(found).containsEntry("version", 1L);
				assertThat(rollups.countDocuments(Filters.eq("district", "D3"))).isEqualTo(46);
				assertThat(store.scans()).as(mode + ": other filters still scan").isGreaterThan(before);
			}
			finally {
				store.stop();
			}
		}
	}

	/** The change feed polls events by an id range: the file store walks the ids. */
	@Test
	void anIdRangeIsReadInIdOrderWithoutAScan() {
		for (StoreProperties.Mode mode : StoreProperties.Mode.values()) {
			StoreProperties properties = new StoreProperties(null, mode, this.dir.resolve("range-" + mode).toString(),
					false);
			EmbeddedStore store = new EmbeddedStore(properties);
			try (MongoClient client = MongoClients.create(store.start())) {
				MongoCollection<Document> events = client.getDatabase("investment").getCollection("events");
				List<Document> many = new ArrayList<>();
				for (int i = 499; i >= 0; i--) {
					many.add(new Document("_id", String.format("E%03d", i)).append("kind",
							(i % 2 == 0) ? "even" : "odd"));
				}
				many.add(new Document("_id", 42).append("kind", "even"));
				many.add(new Document("_id", new org.bson.types.ObjectId()).append("kind", "even"));
				many.add(new Document("_id", "G1").append("kind", "even"));
				events.insertMany(many);
				long before = store.scans();
				List<Object> page = ids(events.find(Filters.and(Filters.gt("_id", "E100"), Filters.lt("_id", "F")))
					.sort(new Document("_id", 1))
					.limit(3));
				List<Object> inclusive = ids(
						events.find(Filters.and(Filters.gte("_id", "E100"), Filters.lte("_id", "E102")))
							.sort(new Document("_id", 1)));
				List<Object> open = ids(events.find(Filters.gt("_id", "E497")));
				List<Object> filtered = ids(events
					.find(new Document("_id", new Document("$gt", "E100").append("$lt", "F")).append("kind", "even"))
					.sort(new Document("_id", 1))
					.limit(2));
				List<Object> descending = ids(
						events.find(Filters.and(Filters.gt("_id", "E100"), Filters.lt("_id", "E104")))
							.sort(new Document("_id", -1)));
				if (mode == StoreProperties.Mode.FILE) {
					assertThat(store.scans()).as("id ranges on the file store").isEqualTo(before);
				}
				assertThat(page).as(mode + ": exclusive lower bound, limit").containsExactly("E101", "E102", "E103");
				assertThat(inclusive).as(mode + ": inclusive bounds").containsExactly("E100", "E101", "E102");
				assertThat(open).as(mode + ": no upper bound, strings only")
					.containsExactlyInAnyOrder("E498", "E499", "G1");
				assertThat(filtered).as(mode + ": further conditions").containsExactly("E102", "E104");
				assertThat(descending).as(mode + ": another order").containsExactly("E103", "E102", "E101");
			}
			finally {
				store.stop();
			}
		}
	}

	private static List<Object> ids(Iterable<Document> found) {
		List<Object> ids = new ArrayList<>();
		found.forEach((document) -> ids.add(document.get("_id")));
		return ids;
	}

	private static MongoBackend backend(EmbeddedStore store) {
		return store.backend();
	}

	private static void write(StoreProperties properties, Document document) {
		EmbeddedStore store = new EmbeddedStore(properties);
		try (MongoClient client = MongoClients.create(store.start())) {
			client.getDatabase("investment").getCollection("districts").insertOne(document);
		}
		finally {
			store.stop();
		}
	}

	private static String read(StoreProperties properties, String id) {
		EmbeddedStore store = new EmbeddedStore(properties);
		try (MongoClient client = MongoClients.create(store.start())) {
			Document found = client.getDatabase("investment")
				.getCollection("districts")
				.find(new Document("_id", id))
				.first();
			return found == null ? null : found.getString("name");
		}
		finally {
			store.stop();
		}
	}

}
