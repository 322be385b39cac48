package gov.shaoxing.investment.event;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

/**
 * Watches the {@code events} collection with a MongoDB change stream and republishes each insert to local
 * listeners, so that an event written by any instance reaches subscribers and read models on every instance.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	private final MongoTemplate mongo;

	private final MongoConverter converter;

	private final Sinks.Many<DomainEvent> sink = Sinks.many().multicast().directBestEffort();

	private ExecutorService executor;

	private volatile boolean running;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	ChangeFeed(MongoTemplate mongo) {
		this.mongo = mongo;
		this.converter = mongo.getConverter();
	}

	/** Every event from now on, on any instance. Hot: late subscribers see only later events. */
	public Flux<DomainEvent> events() {
		return this.sink.asFlux();
	}

	@Override
	public void start() {
		this.running = true;
		this.executor = Executors.newSingleThreadExecutor((r) -> {
			Thread thread = new Thread(r, "change-feed");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.submit(this::watch);
	}

	private void watch() {
		while (this.running) {
			try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = this.mongo.getCollection("events")
				.watch()
				.fullDocument(FullDocument.UPDATE_LOOKUP)
				.cursor()) {
				this.cursor = stream;
				log.info("Change feed: watching the events collection");
				while (this.running) {
					ChangeStreamDocument<Document> change = stream.tryNext();
					if (change == null) {
						continue;
					}
					Document full = change.getFullDocument();
					if (full != null && "insert".equals(change.getOperationTypeString())) {
						DomainEvent event = this.converter.read(DomainEvent.class, full);
						synchronized (this.sink) {
							this.sink.tryEmitNext(event);
						}
					}
				}
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Change feed interrupted ({}); reconnecting in 1 s", ex.toString());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ie) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
