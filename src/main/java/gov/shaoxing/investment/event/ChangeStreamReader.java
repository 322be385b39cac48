package gov.shaoxing.investment.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * Reads the {@code events} collection's change stream where the store has one (a replica
 * set, or the embedded store with its oplog), resumed from the last resume token after a
 * failure so that no event is lost across a reconnect; without a usable token it opens a
 * new stream and catches up from the collection through the {@link EventPoller}.
 */
final class ChangeStreamReader {

	private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

	/**
	 * Answers to opening a stream that mean "no change streams here": a standalone server
	 * (40573), a server that does not know {@code $changeStream} (40324), a command not
	 * supported (115), and the embedded store without its oplog, which fails the request
	 * with an unknown error (-1, a code real MongoDB does not use).
	 */
	private static final Set<Integer> NO_CHANGE_STREAMS = Set.of(40573, 40324, 115, -1);

	/**
	 * Server answers meaning the resume token cannot be used: invalid (260), fatal (280),
	 * or older than the oplog still holds (286). The feed then opens a new stream and
	 * catches up from the collection.
	 */
	private static final Set<Integer> TOKEN_UNUSABLE = Set.of(260, 280, 286);

	/**
	 * Real MongoDB holds an empty {@code getMore} this long; the embedded store answers
	 * at once.
	 */
	static final long MAX_AWAIT_MILLIS = 1000;

	/**
	 * An empty answer faster than this did not wait on the server, so the reader waits
	 * {@link #IDLE} itself.
	 */
	private static final long QUICK_ANSWER_MILLIS = 50;

	private static final Duration IDLE = Duration.ofMillis(100);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	private final MongoTemplate mongo;

	private final MongoConverter converter;

	private final FeedLoop loop;

	private final EventPoller catchUp;

	private final Duration pollInterval;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	/** Touched by the feed thread only. */
	private BsonDocument resumeToken;

	ChangeStreamReader(MongoTemplate mongo, FeedLoop loop, EventPoller catchUp, Duration pollInterval) {
		this.pollInterval = pollInterval;
		this.mongo = mongo;
		this.converter = mongo.getConverter();
		this.loop = loop;
		this.catchUp = catchUp;
	}

	/**
	 * Reads the change stream until stopped; false when the store cannot stream at all.
	 */
	boolean watch(CountDownLatch reading) {
		Duration retry = FIRST_RETRY;
		boolean failing = false;
		while (this.loop.running) {
			try {
				if (this.cursor == null) {
					String how = open();
					if (failing) {
						this.loop.reconnects.incrementAndGet();
						failing = false;
						log.info("Change feed: reconnected, {}", how);
					}
					else {
						log.info("Change feed: {}", how);
					}
					retry = FIRST_RETRY;
					reading.countDown();
				}
				read();
			}
			catch (NoChangeStreams ex) {
				// Expected on the embedded store (its oplog is off by default) and on a
				// standalone MongoDB.
				log.info("Change feed: the store cannot open change streams ({}). Polling the events collection "
						+ "every {} instead: live updates still reach every instance, up to that much later. For "
						+ "immediate delivery run MongoDB as a replica set (one node is enough).", ex.getMessage(),
						this.pollInterval);
				close();
				return false;
			}
			catch (RuntimeException ex) {
				if (!this.loop.running) {
					break;
				}
				close();
				if (ex instanceof MongoException mongoException && TOKEN_UNUSABLE.contains(mongoException.getCode())) {
					this.resumeToken = null;
				}
				logFailure(ex, failing, retry);
				failing = true;
				reading.countDown();
				this.loop.pause(retry);
				retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
			}
		}
		return true;
	}

	private void logFailure(RuntimeException ex, boolean failing, Duration retry) {
		if (failing) {
			log.debug("Change feed: still no change stream ({}); next try in {}", FeedLoop.summary(ex), retry);
		}
		else if (this.loop.readUpTo == null) {
			log.warn("Change feed: cannot open a change stream ({}); trying again, with growing pauses",
					FeedLoop.summary(ex));
		}
		else {
			log.warn("Change feed: change stream lost ({}); reconnecting, then resuming after the last event read",
					FeedLoop.summary(ex));
		}
	}

	/** Opens the stream after the last event read; says how it went on from there. */
	private String open() {
		ChangeStreamIterable<Document> watch = this.mongo.getCollection(DomainEvent.COLLECTION)
			.watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
			.maxAwaitTime(MAX_AWAIT_MILLIS, TimeUnit.MILLISECONDS);
		BsonDocument token = this.resumeToken;
		if (token != null) {
			watch = watch.resumeAfter(token);
		}
		Instant opening = Instant.now();
		MongoChangeStreamCursor<ChangeStreamDocument<Document>> opened;
		try {
			opened = watch.cursor();
		}
		catch (MongoCommandException ex) {
			if (NO_CHANGE_STREAMS.contains(ex.getErrorCode())) {
				throw new NoChangeStreams("error " + ex.getErrorCode() + ": " + ex.getErrorMessage());
			}
			throw ex;
		}
		if (opened.getServerCursor() == null) {
			// A stream the server closes at once will never deliver anything.
			opened.close();
			throw new NoChangeStreams("the store closed the stream at once");
		}
		this.cursor = opened;
		this.loop.delivery = ChangeFeed.Delivery.CHANGE_STREAM;
		String how = "resumed after the last event read";
		if (token == null && this.loop.readUpTo != null) {
			// Reopened without a token: the new stream starts now, so read what the gap
			// may hold.
			int found = this.catchUp.readSince(this.loop.readUpTo.minus(FeedLoop.LOOKBACK), true);
			how = "caught up from the events collection (events written meanwhile: " + found + ")";
		}
		else if (token == null) {
			how = "watching the events collection (change stream)";
		}
		this.loop.readUpTo = opening;
		return how;
	}

	private void read() {
		while (this.loop.running) {
			MongoChangeStreamCursor<ChangeStreamDocument<Document>> stream = this.cursor;
			if (stream == null) {
				throw new IllegalStateException("change stream closed");
			}
			Instant asked = Instant.now();
			long started = System.nanoTime();
			ChangeStreamDocument<Document> change = stream.tryNext();
			BsonDocument token = stream.getResumeToken();
			if (token != null) {
				this.resumeToken = token;
			}
			if (change == null) {
				this.loop.readUpTo = asked;
				// A later catch-up reads from readUpTo less LOOKBACK on, so older ids
				// need no remembering.
				this.loop.forgetBefore(asked.minus(FeedLoop.LOOKBACK.multipliedBy(2)));
				if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < QUICK_ANSWER_MILLIS) {
					this.loop.pause(IDLE);
				}
				continue;
			}
			Document inserted = change.getFullDocument();
			if (inserted != null) {
				DomainEvent event = convert(inserted);
				if (event != null) {
					this.loop.emit(event);
				}
			}
		}
	}

	/** Closes the stream; from any thread (stop, or a test's dropped connection). */
	void close() {
		MongoChangeStreamCursor<ChangeStreamDocument<Document>> open = this.cursor;
		this.cursor = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (RuntimeException ex) {
				log.debug("Change feed: closing the stream failed ({})", ex.toString());
			}
		}
	}

	private DomainEvent convert(Document document) {
		try {
			return this.converter.read(DomainEvent.class, document);
		}
		catch (RuntimeException ex) {
			log.warn("Change feed: skipped event {} that could not be read ({})", document.get("_id"), ex.toString());
			return null;
		}
	}

	/** The store cannot open change streams. */
	private static final class NoChangeStreams extends RuntimeException {

		NoChangeStreams(String reason) {
			super(reason, null, false, false);
		}

	}

}
