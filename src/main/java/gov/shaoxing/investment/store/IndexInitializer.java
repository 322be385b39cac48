package gov.shaoxing.investment.store;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes every document class declares. Done here rather than by auto-index-creation so that a store
 * that is down at start-up does not stop the service from starting (health reports DOWN instead). The embedded
 * store accepts non-unique indexes but ignores them; real MongoDB uses them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IndexInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

	private final MongoTemplate mongo;

	private final MongoMappingContext mapping;

	IndexInitializer(MongoTemplate mongo, MongoMappingContext mapping) {
		this.mongo = mongo;
		this.mapping = mapping;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(this.mapping);
			int count = 0;
			for (MongoPersistentEntity<?> entity : this.mapping.getPersistentEntities()) {
				if (entity.isAnnotationPresent(Document.class)) {
					IndexOperations indexes = this.mongo.indexOps(entity.getType());
					for (var index : resolver.resolveIndexFor(entity.getType())) {
						indexes.createIndex(index);
						count++;
					}
				}
			}
			log.info("Store: {} indexes ensured", count);
		}
		catch (DataAccessResourceFailureException | MongoException ex) {
			log.error("The store is unavailable, so indexes were not ensured: {}", ex.getMessage());
		}
	}

}
