package gov.shaoxing.investment.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health by {@code ping}, which both real MongoDB and the embedded server answer
 * (Boot's own Mongo indicator sends {@code hello}, which the embedded server does not
 * know). It waits at most {@code investment.store.health-timeout}, shorter than the
 * driver's own timeouts, so health answers DOWN quickly while the store is out of reach;
 * a ping still under way is joined, never repeated.
 */
@Component("store")
class StoreHealthIndicator implements HealthIndicator, DisposableBean {

	private final MongoTemplate mongo;

	private final StoreProperties properties;

	private final ExecutorService pings = Executors.newCachedThreadPool((r) -> {
		Thread thread = new Thread(r, "store-health-ping");
		thread.setDaemon(true);
		return thread;
	});

	private Future<Document> pending;

	StoreHealthIndicator(MongoTemplate mongo, StoreProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public Health health() {
		Health.Builder builder = new Health.Builder().withDetail("store",
				this.properties.embedded() ? "embedded (" + this.properties.mode() + ")" : "mongodb");
		try {
			Document answer = ping().get(this.properties.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return builder.up()
				.withDetail("database", this.mongo.getDb().getName())
				.withDetail("ok", answer.get("ok"))
				.build();
		}
		catch (TimeoutException ex) {
			return builder.down()
				.withDetail("error",
						"The data store did not answer within " + this.properties.healthTimeout().toMillis() + " ms.")
				.build();
		}
		catch (ExecutionException ex) {
			return builder.down().withDetail("error", "The data store did not answer.").build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return builder.down().withDetail("error", "Interrupted.").build();
		}
	}

	private synchronized Future<Document> ping() {
		if (this.pending == null || this.pending.isDone()) {
			this.pending = this.pings.submit(() -> this.mongo.executeCommand(new Document("ping", 1)));
		}
		return this.pending;
	}

	@Override
	public void destroy() {
		this.pings.shutdownNow();
	}

}
