package gov.shaoxing.investment.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * The template for reads of a whole collection: the read models' loads, the integrity
 * check and exports. Requests' commands keep the short socket timeout that fails them
 * fast while the store is out of reach; a whole-collection read on a large embedded store
 * takes longer than that before its first reply (24,000 reports already did), so these
 * reads run under a client-side operation timeout
 * ({@code investment.store.bulk-read-timeout}, 10 minutes by default), which the driver
 * applies in place of the socket timeout.
 */
@Component
public class BulkReads {

	private final MongoTemplate template;

	BulkReads(MongoClient client, MongoTemplate mongo, StoreProperties properties) {
		long millis = properties.bulkReadTimeout().toMillis();
		SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client,
				mongo.getDb().getName()) {

			@Override
			protected MongoDatabase doGetMongoDatabase(String name) {
				return super.doGetMongoDatabase(name).withTimeout(millis, TimeUnit.MILLISECONDS);
			}

		};
		factory.setExceptionTranslator(new StoreExceptionTranslation.Translator());
		this.template = new MongoTemplate(factory, mongo.getConverter());
	}

	/** Only for reads: writes keep the request's timeouts. */
	public MongoTemplate template() {
		return this.template;
	}

}
