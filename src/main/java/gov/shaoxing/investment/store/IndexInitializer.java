package gov.shaoxing.investment.store;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes every document class declares. Done here rather than by
 * auto-index-creation so that a store that is down at start-up does not stop the service
 * from starting (health reports DOWN instead). It runs before the seed and before the web
 * server takes requests. The embedded store would accept non-unique indexes but ignores
 * them, so only real MongoDB gets them.
 */
@Component
class IndexInitializer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

	private final MongoTemplate mongo;

	private final MongoMappingContext mapping;

	private final boolean embedded;

	IndexInitializer(MongoTemplate mongo, MongoMappingContext mapping, StoreProperties store) {
		this.mongo = mongo;
		this.mapping = mapping;
		this.embedded = store.embedded();
	}

	private volatile boolean running;

	@Override
	public int getPhase() {
		return -200;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Non-unique indexes on the embedded store are empty, yet opening its file reads
	 * every document of a collection once for each of them: at 100,000 projects and
	 * 200,000 reports that was minutes of start-up.
	 */
	private static int dropNonUnique(IndexOperations indexes) {
		int dropped = 0;
		for (IndexInfo info : indexes.getIndexInfo()) {
			if (!info.isUnique() && !"_id_".equals(info.getName())) {
				indexes.dropIndex(info.getName());
				dropped++;
			}
		}
		return dropped;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public void start() {
		this.running = true;
		try {
			MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(this.mapping);
			int count = 0;
			int ignored = 0;
			int dropped = 0;
			for (MongoPersistentEntity<?> entity : this.mapping.getPersistentEntities()) {
				if (entity.isAnnotationPresent(Document.class)) {
					IndexOperations indexes = this.mongo.indexOps(entity.getType());
					for (var index : resolver.resolveIndexFor(entity.getType())) {
						count++;
						if (!Boolean.TRUE.equals(index.getIndexOptions().get("unique"))) {
							ignored++;
							if (this.embedded) {
								continue;
							}
						}
						indexes.createIndex(index);
					}
					if (this.embedded) {
						dropped += dropNonUnique(indexes);
					}
				}
			}
			if (this.embedded) {
				// the embedded store's own warning for each of these is silenced in
				// application.yml: this one line sums them up
				log.info(
						"Store: {} indexes ensured; the embedded store ignores the {} non-unique ones "
								+ "(it scans instead), so they are not created there{}; real MongoDB uses them",
						count, ignored, dropped == 0 ? "" : " (" + dropped + " made by an earlier version dropped)");
			}
			else {
				log.info("Store: {} indexes ensured", count);
			}
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			log.error("The store is unavailable, so indexes were not ensured: {}", ex.getMessage());
		}
	}

}
