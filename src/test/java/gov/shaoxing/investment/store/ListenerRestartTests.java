package gov.shaoxing.investment.store;

import java.time.Duration;

import gov.shaoxing.investment.InProcessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's listener dies; the service binds it again and carries on. */
@InProcessTest
class ListenerRestartTests {

	@Autowired
	EmbeddedStore store;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aDeadListenerIsBoundAgainOnTheSamePortWithTheSameData() throws Exception {
		long districts = this.mongo.count(new Query(), "districts");
		int port = this.store.port();
		this.store.killListener();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Long after = null;
		while (after == null && System.nanoTime() < deadline) {
			try {
				after = this.mongo.count(Query.query(Criteria.where("_id").exists(true)), "districts");
			}
			catch (RuntimeException ex) {
				Thread.sleep(200);
			}
		}
		assertThat(after).as("districts read after the listener came back").isEqualTo(districts).isPositive();
		assertThat(this.store.port()).isEqualTo(port);
	}

}
