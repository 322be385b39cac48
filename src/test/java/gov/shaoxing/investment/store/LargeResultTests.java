package gov.shaoxing.investment.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import gov.shaoxing.investment.InProcessTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read of more than the driver takes in one reply (48 MB: the read model's load at
 * 100,000 projects) comes from the embedded store in batches, whole, and a read of a
 * whole collection may take longer than a request's socket timeout.
 */
@InProcessTest
class LargeResultTests {

	private static final String COLLECTION = "large_result_test";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	BulkReads bulk;

	@Autowired
	MongoConnectionDetails connection;

	@AfterEach
	void drop() {
		this.mongo.dropCollection(COLLECTION);
	}

	/** 3,000 documents of 20 KB: 60 MB, more than one 48 MB reply. */
	private void fill() {
		String filler = "x".repeat(20_000);
		for (int batch = 0; batch < 3; batch++) {
			List<Document> docs = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				docs.add(new Document("_id", batch * 1000 + i).append("filler", filler));
			}
			this.mongo.getCollection(COLLECTION).insertMany(docs);
		}
	}

	@Test
	void aReadLargerThanOneReplyArrivesWhole() {
		fill();

		List<Document> all = this.mongo.findAll(Document.class, COLLECTION);

		assertThat(all).hasSize(3000);
		assertThat(all).extracting((d) -> d.getInteger("_id")).doesNotHaveDuplicates();
	}

	@Test
	void aBulkReadOutlastsTheSocketTimeoutThatCutsARequestsRead() {
		fill();
		String database = this.mongo.getDb().getName();
		// a socket timeout far shorter than the store takes to gather 60 MB
		MongoClientSettings tight = MongoClientSettings.builder()
			.applyConnectionString(this.connection.getConnectionString())
			.applyToSocketSettings((socket) -> socket.readTimeout(20, TimeUnit.MILLISECONDS))
			.build();
		try (MongoClient client = MongoClients.create(tight)) {
			MongoDatabase plain = client.getDatabase(database);
			assertThatThrownBy(() -> plain.getCollection(COLLECTION).find().into(new ArrayList<>()))
				.isInstanceOf(MongoSocketReadTimeoutException.class);
			// the operation timeout BulkReads sets takes the socket timeout's place
			MongoDatabase bounded = plain.withTimeout(60, TimeUnit.SECONDS);
			assertThat(bounded.getCollection(COLLECTION).find().into(new ArrayList<>())).hasSize(3000);
		}
		assertThat(this.bulk.template().getDb().getTimeout(TimeUnit.MILLISECONDS))
			.isEqualTo(TimeUnit.MINUTES.toMillis(10));
		assertThat(this.bulk.template().findAll(Document.class, COLLECTION)).hasSize(3000);
	}

}
