package gov.shaoxing.investment.store;

import java.util.ArrayList;
import java.util.List;

import gov.shaoxing.investment.InProcessTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of more than the driver takes in one reply (48 MB: the read model's load at
 * 100,000 projects) comes from the embedded store in batches, whole.
 */
@InProcessTest
class LargeResultTests {

	private static final String COLLECTION = "large_result_test";

	@Autowired
	MongoTemplate mongo;

	@AfterEach
	void drop() {
		this.mongo.dropCollection(COLLECTION);
	}

	@Test
	void aReadLargerThanOneReplyArrivesWhole() {
		String filler = "x".repeat(20_000);
		for (int batch = 0; batch < 3; batch++) {
			List<Document> docs = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				docs.add(new Document("_id", batch * 1000 + i).append("filler", filler));
			}
			this.mongo.getCollection(COLLECTION).insertMany(docs);
		}

		// 3,000 documents of 20 KB: 60 MB, more than one 48 MB reply
		List<Document> all = this.mongo.findAll(Document.class, COLLECTION);

		assertThat(all).hasSize(3000);
		assertThat(all).extracting((d) -> d.getInteger("_id")).doesNotHaveDuplicates();
	}

}
