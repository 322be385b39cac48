package gov.shaoxing.investment.store;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health by {@code ping}, which both real MongoDB and the embedded server answer
 * (Boot's own Mongo indicator sends {@code hello}, which the embedded server does not
 * know).
 */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	private final StoreProperties properties;

	StoreHealthIndicator(MongoTemplate mongo, StoreProperties properties) {
		super("The data store did not answer.");
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.up()
			.withDetail("store", this.properties.embedded() ? "embedded (" + this.properties.mode() + ")" : "mongodb")
			.withDetail("database", this.mongo.getDb().getName())
			.withDetail("ok", answer.get("ok"));
	}

}
