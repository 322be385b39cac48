package gov.shaoxing.investment.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

	/**
	 * Reads every document of an entity's collection, whose ids are strings, {@code size}
	 * at a time in id order, and hands each page to {@code page}; returns how many were
	 * read. The embedded store builds a query's whole result in memory before its first
	 * batch, so a single query for millions of documents would run the heap out; the file
	 * store walks its sorted ids from the last one seen, real MongoDB its {@code _id}
	 * index.
	 */
	public <T> long inPages(Class<T> type, int size, Function<T, String> id, Consumer<List<T>> page) {
		return inPages(type, this.template.getCollectionName(type), null, size, id, page);
	}

	/**
	 * As {@link #inPages(Class, int, Function, Consumer)}, for a collection and fields of
	 * its own (a projection onto {@code type}).
	 * @param fields what to read of each document (null for all of it)
	 */
	public <T> long inPages(Class<T> type, String collection, String[] fields, int size, Function<T, String> id,
			Consumer<List<T>> page) {
		long read = 0;
		String after = "";
		while (true) {
			Query next = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(size);
			if (fields != null) {
				next.fields().include(fields);
			}
			List<T> documents = this.template.find(next, type, collection);
			read += documents.size();
			page.accept(documents);
			if (documents.size() < size) {
				return read;
			}
			after = id.apply(documents.get(documents.size() - 1));
		}
	}

}
