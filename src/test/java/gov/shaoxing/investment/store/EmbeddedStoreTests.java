package gov.shaoxing.investment.store;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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

	private static void write(StoreProperties properties, Document document) {
		StoreConfiguration.EmbeddedStore store = new StoreConfiguration.EmbeddedStore(properties);
		try (MongoClient client = MongoClients.create(store.start())) {
			client.getDatabase("investment").getCollection("districts").insertOne(document);
		}
		finally {
			store.stop();
		}
	}

	private static String read(StoreProperties properties, String id) {
		StoreConfiguration.EmbeddedStore store = new StoreConfiguration.EmbeddedStore(properties);
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
