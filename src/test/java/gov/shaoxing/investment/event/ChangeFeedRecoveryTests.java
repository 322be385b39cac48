package gov.shaoxing.investment.event;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the feed copes with its store: lost streams, no change streams, a store down at
 * start, stopping.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChangeFeedRecoveryTests {

	private MongoServer server;

	private MongoClient client;

	private ChangeFeed feed;

	@AfterEach
	void tearDown() {
		if (this.feed != null) {
			this.feed.stop();
			this.feed.destroy();
		}
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.shutdownNow();
		}
	}

	@Test
	void aStreamLostBeforeItsFirstEventCatchesUpFromTheCollection(CapturedOutput output) {
		MongoTemplate mongo = connect(startServer(0));
		this.feed = new ChangeFeed(mongo, EventProperties.defaults());
		this.feed.start();
		try (Received<DomainEvent> events = Received.subscribe(this.feed.events())) {
			// Nothing read yet, so there is no resume token: the events written meanwhile
			// come from the collection.
			this.feed.closeStream();
			new EventPublisher(mongo, (event) -> {
			}).publish(EventType.PROGRESS_CHANGED, "ZHUJI", null, "during");
			assertThat(events.next().subjectId()).isEqualTo("during");
			new EventPublisher(mongo, (event) -> {
			}).publish(EventType.PROGRESS_CHANGED, "ZHUJI", null, "after");
			assertThat(events.next().subjectId()).isEqualTo("after");
		}
		assertThat(this.feed.reconnects()).isEqualTo(1);
		assertThat(output).contains("caught up from the events collection");
	}

	@Test
	void aStandaloneMongoDbIsReportedOnceAndPolled(CapturedOutput output) {
		MongoTemplate mongo = connect(startServer(0));
		MongoCollection<Document> cannotWatch = collectionThatCannotWatch();
		MongoTemplate standalone = new MongoTemplate(this.client, "investment") {

			@Override
			public MongoCollection<Document> getCollection(String name) {
				return DomainEvent.COLLECTION.equals(name) ? cannotWatch : super.getCollection(name);
			}

		};
		this.feed = new ChangeFeed(standalone, EventProperties.defaults());
		this.feed.start();
		assertThat(this.feed.delivery()).isEqualTo(ChangeFeed.Delivery.POLLING);
		try (Received<DomainEvent> events = Received.subscribe(this.feed.events())) {
			EventPublisher publisher = new EventPublisher(mongo, (event) -> {
			});
			publisher.publish(EventType.PROJECT_LIGHT_CHANGED, "ZHUJI", null, "P1");
			publisher.publish(EventType.PROJECT_LIGHT_CHANGED, "ZHUJI", null, "P2");
			assertThat(List.of(events.next(), events.next())).extracting(DomainEvent::subjectId)
				.containsExactly("P1", "P2");
		}
		assertThat(output.getAll().split("cannot open change streams", -1)).hasSize(2);
		assertThat(output).contains("error 40573");
	}

	@Test
	void startsWithoutTheStoreAndDeliversOnceItAnswers() {
		int port = freePort();
		MongoTemplate mongo = connect(port);
		this.feed = new ChangeFeed(mongo, new EventProperties(null, null, null, Duration.ofSeconds(2), null));
		long started = System.nanoTime();
		this.feed.start();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.feed.isRunning()).isTrue();
		startServer(port);
		await().atMost(Received.TIMEOUT).until(() -> this.feed.delivery() == ChangeFeed.Delivery.CHANGE_STREAM);
		try (Received<DomainEvent> events = Received.subscribe(this.feed.events())) {
			new EventPublisher(mongo, (event) -> {
			}).publish(EventType.NOTICE_CHANGED, "ZHUJI", "JXW", "N1");
			assertThat(events.next().subjectId()).isEqualTo("N1");
		}
	}

	@Test
	void stoppingEndsTheFeedPromptlyAndItCanStartAgain() throws Exception {
		MongoTemplate mongo = connect(startServer(0));
		this.feed = new ChangeFeed(mongo, EventProperties.defaults());
		this.feed.start();
		long stopping = System.nanoTime();
		this.feed.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.feed.isRunning()).isFalse();
		assertThat(this.feed.delivery()).isEqualTo(ChangeFeed.Delivery.STOPPED);
		this.feed.start();
		try (Received<DomainEvent> events = Received.subscribe(this.feed.events())) {
			new EventPublisher(mongo, (event) -> {
			}).publish(EventType.NOTICE_CHANGED, "ZHUJI", "JXW", "again");
			assertThat(events.next().subjectId()).isEqualTo("again");
		}
	}

	@Test
	void aSubscriberThatFallsBehindLosesOnlyItsOwnOldestEvents() {
		MongoTemplate mongo = connect(startServer(0));
		this.feed = new ChangeFeed(mongo, new EventProperties(null, null, null, null, 20));
		this.feed.start();
		List<String> slow = new CopyOnWriteArrayList<>();
		BaseSubscriber<DomainEvent> stalled = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// Asks for nothing: a client that stopped reading.
			}

			@Override
			protected void hookOnNext(DomainEvent event) {
				slow.add(event.subjectId());
			}

		};
		this.feed.events().subscribe(stalled);
		try (Received<DomainEvent> fast = Received.subscribe(this.feed.events())) {
			EventPublisher publisher = new EventPublisher(mongo, (event) -> {
			});
			// In bursts no larger than the buffer, so that the subscriber that keeps up
			// does not lose any.
			for (int burst = 0; burst < 5; burst++) {
				for (int i = 1; i <= 10; i++) {
					publisher.publish(EventType.PROGRESS_CHANGED, "ZHUJI", null, "P" + (burst * 10 + i));
				}
				for (int i = 1; i <= 10; i++) {
					assertThat(fast.next().subjectId()).isEqualTo("P" + (burst * 10 + i));
				}
			}
			stalled.request(Long.MAX_VALUE);
			await().atMost(Received.TIMEOUT).until(() -> slow.contains("P50"));
			assertThat(slow).hasSizeLessThanOrEqualTo(22)
				.endsWith(IntStream.rangeClosed(31, 50).mapToObj((i) -> "P" + i).toArray(String[]::new));
		}
		finally {
			stalled.dispose();
		}
	}

	@Test
	void closingTheApplicationCompletesSubscribers() throws Exception {
		this.feed = new ChangeFeed(connect(startServer(0)), EventProperties.defaults());
		this.feed.start();
		CompletableFuture<Void> completed = this.feed.events().then().toFuture();
		this.feed.stop();
		this.feed.destroy();
		completed.get(Received.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(completed).isCompleted();
	}

	private int startServer(int port) {
		MemoryBackend backend = new MemoryBackend();
		backend.version(ServerVersion.MONGO_5_0);
		this.server = new MongoServer(backend);
		this.server.enableOplog();
		this.server.bind("127.0.0.1", port);
		return this.server.getLocalAddress().getPort();
	}

	private MongoTemplate connect(int port) {
		this.client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300");
		return new MongoTemplate(this.client, "investment");
	}

	/** The events collection of a standalone MongoDB, which refuses change streams. */
	@SuppressWarnings("unchecked")
	private static MongoCollection<Document> collectionThatCannotWatch() {
		MongoCommandException refusal = new MongoCommandException(new BsonDocument("ok", new BsonDouble(0))
			.append("errmsg", new BsonString("The $changeStream stage is only supported on replica sets"))
			.append("code", new BsonInt32(40573))
			.append("codeName", new BsonString("Location40573")), new ServerAddress("127.0.0.1", 27017));
		ChangeStreamIterable<Document> watch = (ChangeStreamIterable<Document>) Proxy.newProxyInstance(
				ChangeFeedRecoveryTests.class.getClassLoader(), new Class<?>[] { ChangeStreamIterable.class },
				(proxy, method, args) -> {
					if (method.getName().equals("cursor")) {
						throw refusal;
					}
					return method.getReturnType().isInstance(proxy) ? proxy : null;
				});
		return (MongoCollection<Document>) Proxy.newProxyInstance(ChangeFeedRecoveryTests.class.getClassLoader(),
				new Class<?>[] { MongoCollection.class }, (proxy, method, args) -> {
					if (method.getName().equals("watch")) {
						return watch;
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
