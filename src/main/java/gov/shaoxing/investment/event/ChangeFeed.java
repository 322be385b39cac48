package gov.shaoxing.investment.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoCommandException;
import gov.shaoxing.investment.store.StoreProperties;
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
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Delivers every event inserted into the {@code events} collection, by any instance, to
 * this instance's subscriptions and read models through {@link #events()}.
 * <p>
 * One thread reads the store: a change stream where the store has one (a replica set, or
 * the embedded store with its oplog), resumed from the last resume token after a failure
 * so that no event is lost across a reconnect. Where the store cannot stream (a
 * standalone MongoDB) it says so once and polls the collection in id order instead, which
 * works on any store, only later. The feed opens before the web server starts, so an
 * event written once the service answers is never missed.
 * <p>
 * Delivery never blocks that thread: the sink drops nothing for a subscriber that keeps
 * up, and each subscriber gets its own bounded buffer and is called on its own worker, so
 * a slow or blocked subscriber loses (its own, oldest) events rather than holding up the
 * feed or the other subscribers.
 */
@Component
public class ChangeFeed implements SmartLifecycle, DisposableBean {

	/** How events reach this instance at the moment. */
	enum Delivery {

		STOPPED, CHANGE_STREAM, POLLING

	}

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
	private static final long MAX_AWAIT_MILLIS = 1000;

	/**
	 * An empty answer faster than this did not wait on the server, so the feed waits
	 * {@link #IDLE} itself.
	 */
	private static final long QUICK_ANSWER_MILLIS = 50;

	private static final Duration IDLE = Duration.ofMillis(100);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	/**
	 * How far before what was already read a poll or a catch-up looks again: covers
	 * clocks that differ between instances and inserts that land later than their id's
	 * time. Events seen twice are delivered once.
	 */
	private static final Duration LOOKBACK = Duration.ofSeconds(10);

	/**
	 * Large, because on the embedded store every page is a scan of the whole collection.
	 */
	private static final int PAGE = 5000;

	private final MongoTemplate mongo;

	private final MongoConverter converter;

	private final EventProperties properties;

	/**
	 * Best effort: emitting never blocks and never fails because one subscriber has no
	 * demand. Every subscriber comes through {@link #events()}, which asks for everything
	 * and buffers on its own, so nothing is dropped here. A shared buffered sink
	 * ({@code onBackpressureBuffer()}) would instead let the slowest subscriber hold up
	 * all the others and refuse events once full.
	 */
	private final Sinks.Many<DomainEvent> sink = Sinks.many().multicast().directBestEffort();

	private final Object sleep = new Object();

	private final AtomicInteger reconnects = new AtomicInteger();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Delivery delivery = Delivery.STOPPED;

	private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

	// The rest is touched by the feed thread only.

	private final RecentIds delivered = new RecentIds();

	private BsonDocument resumeToken;

	/**
	 * Every event inserted before this time, less {@link #LOOKBACK}, has been delivered;
	 * null before the first read.
	 */
	private Instant readUpTo;

	/** False when the store is known not to stream, so the feed polls without trying. */
	private final boolean mayStream;

	ChangeFeed(MongoTemplate mongo, EventProperties properties) {
		this(mongo, properties, true);
	}

	@org.springframework.beans.factory.annotation.Autowired
	ChangeFeed(MongoTemplate mongo, EventProperties properties, StoreProperties store) {
		this(mongo, properties, store.mayStreamChanges());
	}

	private ChangeFeed(MongoTemplate mongo, EventProperties properties, boolean mayStream) {
		this.mongo = mongo;
		this.converter = mongo.getConverter();
		this.properties = properties;
		this.mayStream = mayStream;
	}

	/** Caches to keep fresh, see {@link #follow}. */
	private final List<Follower> followers = new java.util.concurrent.CopyOnWriteArrayList<>();

	private record Follower(Set<EventType> types, java.util.function.Consumer<DomainEvent> action) {
	}

	/**
	 * Runs {@code action} after every event of these types: for this instance's own
	 * writes at once, in the writer's thread (so a writer reads its own write), and for
	 * other instances' writes as the feed brings them. For caches that only need to know
	 * that something changed.
	 */
	public void follow(Set<EventType> types, Runnable action) {
		follow(types, (event) -> action.run());
	}

	/**
	 * As {@link #follow(Set, Runnable)}, handing over each event, for caches that update
	 * the one subject instead of starting again.
	 */
	public void follow(Set<EventType> types, java.util.function.Consumer<DomainEvent> action) {
		this.followers.add(new Follower(Set.copyOf(types), action));
		events().filter((e) -> types.contains(e.type())).subscribe(action);
	}

	@org.springframework.context.event.EventListener
	void onLocalEvent(DomainEvent event) {
		for (Follower follower : this.followers) {
			if (follower.types().contains(event.type())) {
				follower.action().accept(event);
			}
		}
	}

	/**
	 * Every event from now on, written by any instance, in the order this instance read
	 * them. Hot: late subscribers see only later events. Each subscriber is called on a
	 * worker of its own, so it may block (to load the subject, say); one that falls more
	 * than {@code investment.events.subscriber-buffer} events behind loses its oldest.
	 */
	public Flux<DomainEvent> events() {
		int buffer = this.properties.subscriberBuffer();
		return Flux.defer(() -> {
			AtomicBoolean warned = new AtomicBoolean();
			return this.sink.asFlux().onBackpressureBuffer(buffer, (dropped) -> {
				if (warned.compareAndSet(false, true)) {
					log.warn("Change feed: a subscriber fell {} events behind; its oldest events are dropped", buffer);
				}
			}, BufferOverflowStrategy.DROP_OLDEST).publishOn(Schedulers.boundedElastic(), 1);
		});
	}

	/**
	 * Starts the feed thread and waits until it reads the store, so that the service does
	 * not answer before events can reach it. A store that does not answer in
	 * {@code investment.events.start-timeout} does not hold up start-up: the thread keeps
	 * trying.
	 */
	@Override
	public void start() {
		CountDownLatch reading = new CountDownLatch(1);
		synchronized (this) {
			if (this.running) {
				return;
			}
			this.running = true;
			Thread feed = new Thread(() -> run(reading), "change-feed");
			feed.setDaemon(true);
			this.thread = feed;
			feed.start();
		}
		try {
			if (!reading.await(this.properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Change feed: the store did not answer within {}; starting without live updates until it does",
						this.properties.startTimeout());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		Thread feed;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			feed = this.thread;
			this.thread = null;
		}
		synchronized (this.sleep) {
			this.sleep.notifyAll();
		}
		// An empty getMore returns within MAX_AWAIT_MILLIS; closing the cursor frees a
		// thread stuck longer.
		if (!join(feed, Duration.ofMillis(MAX_AWAIT_MILLIS * 3))) {
			closeCursor();
			feed.interrupt();
			join(feed, Duration.ofSeconds(2));
		}
		this.delivery = Delivery.STOPPED;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Before the web server starts (and after it stops), so nothing is served without the
	 * feed.
	 */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1024;
	}

	/**
	 * Completes every subscriber: read models and open subscriptions learn that no more
	 * events will come.
	 */
	@Override
	public void destroy() {
		this.sink.tryEmitComplete();
	}

	Delivery delivery() {
		return this.delivery;
	}

	/** How many follow the feed now: the read models plus one per live subscription. */
	int subscriberCount() {
		return this.sink.currentSubscriberCount();
	}

	int reconnects() {
		return this.reconnects.get();
	}

	/**
	 * Closes the change stream as a dropped connection would; the feed reconnects and
	 * resumes. For tests.
	 */
	void closeStream() {
		closeCursor();
	}

	private void run(CountDownLatch reading) {
		try {
			if (this.properties.mode() == EventProperties.Mode.POLL) {
				log.info("Change feed: polling the events collection every {} (investment.events.mode=poll)",
						this.properties.pollInterval());
				poll(reading);
			}
			else if (!this.mayStream) {
				log.info("Change feed: the embedded store has no oplog (investment.store.oplog=false), so no change "
						+ "streams; polling the events collection every {}", this.properties.pollInterval());
				poll(reading);
			}
			else if (!watch(reading)) {
				poll(reading);
			}
		}
		catch (RuntimeException | Error ex) {
			log.error("Change feed stopped: no live updates until restart", ex);
			throw ex;
		}
		finally {
			closeCursor();
			this.delivery = Delivery.STOPPED;
			reading.countDown();
		}
	}

	/**
	 * Reads the change stream until stopped; false when the store cannot stream at all.
	 */
	private boolean watch(CountDownLatch reading) {
		Duration retry = FIRST_RETRY;
		boolean failing = false;
		while (this.running) {
			try {
				if (this.cursor == null) {
					String how = open();
					if (failing) {
						this.reconnects.incrementAndGet();
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
						this.properties.pollInterval());
				closeCursor();
				return false;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					break;
				}
				closeCursor();
				if (ex instanceof MongoException mongoException && TOKEN_UNUSABLE.contains(mongoException.getCode())) {
					this.resumeToken = null;
				}
				if (failing) {
					log.debug("Change feed: still no change stream ({}); next try in {}", summary(ex), retry);
				}
				else if (this.readUpTo == null) {
					log.warn("Change feed: cannot open a change stream ({}); trying again, with growing pauses",
							summary(ex));
				}
				else {
					log.warn("Change feed: change stream lost ({}); reconnecting, then resuming after the last event "
							+ "read", summary(ex));
				}
				failing = true;
				reading.countDown();
				pause(retry);
				retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
			}
		}
		return true;
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
		this.delivery = Delivery.CHANGE_STREAM;
		String how = "resumed after the last event read";
		if (token == null && this.readUpTo != null) {
			// Reopened without a token: the new stream starts now, so read what the gap
			// may hold.
			int found = readSince(this.readUpTo.minus(LOOKBACK), true);
			how = "caught up from the events collection (events written meanwhile: " + found + ")";
		}
		else if (token == null) {
			how = "watching the events collection (change stream)";
		}
		this.readUpTo = opening;
		return how;
	}

	private void read() {
		while (this.running) {
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
				this.readUpTo = asked;
				// A later catch-up reads from readUpTo less LOOKBACK on, so older ids
				// need no remembering.
				this.delivered.forgetBefore(asked.minus(LOOKBACK.multipliedBy(2)));
				if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < QUICK_ANSWER_MILLIS) {
					pause(IDLE);
				}
				continue;
			}
			Document inserted = change.getFullDocument();
			if (inserted != null) {
				DomainEvent event = convert(inserted);
				if (event != null) {
					emit(event);
				}
			}
		}
	}

	/** Polls the collection until stopped. */
	private void poll(CountDownLatch reading) {
		this.delivery = Delivery.POLLING;
		Instant from = this.readUpTo;
		boolean failing = false;
		while (this.running) {
			Instant asked = Instant.now();
			try {
				// The feed is hot: a first poll only notes what is already there.
				readSince((from != null ? from : asked).minus(LOOKBACK), from != null);
				from = asked;
				this.readUpTo = asked;
				if (failing) {
					this.reconnects.incrementAndGet();
					log.info("Change feed: polling the events collection again");
					failing = false;
				}
				reading.countDown();
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					break;
				}
				if (failing) {
					log.debug("Change feed: polling still fails ({})", summary(ex));
				}
				else {
					log.warn("Change feed: polling the events collection failed ({}); retrying", summary(ex));
				}
				failing = true;
				reading.countDown();
			}
			pause(this.properties.pollInterval());
		}
	}

	/**
	 * Reads events from {@code from} on in id (time) order, a page at a time, and
	 * delivers those not delivered yet (or, when {@code deliver} is false, only notes
	 * them). Returns how many were new.
	 */
	private int readSince(Instant from, boolean deliver) {
		this.delivered.forgetBefore(from.minus(LOOKBACK));
		String after = DomainEvent.floorId(from);
		int found = 0;
		while (this.running) {
			Query page = Query.query(Criteria.where("_id").gt(after).lt(DomainEvent.CEILING_ID))
				.with(Sort.by("_id"))
				.limit(PAGE);
			List<DomainEvent> events = this.mongo.find(page, DomainEvent.class);
			for (DomainEvent event : events) {
				if (deliver ? emit(event) : this.delivered.add(event)) {
					found++;
				}
			}
			if (events.size() < PAGE) {
				break;
			}
			after = events.get(events.size() - 1).id();
		}
		return found;
	}

	/** Hands the event to every subscriber, once; never blocks. */
	private boolean emit(DomainEvent event) {
		if (!this.delivered.add(event)) {
			return false;
		}
		// Only the feed thread emits, so the sink is never emitted to concurrently; with
		// no subscriber, the event
		// is simply not wanted here.
		this.sink.tryEmitNext(event);
		return true;
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

	private void pause(Duration duration) {
		synchronized (this.sleep) {
			if (!this.running) {
				return;
			}
			try {
				this.sleep.wait(Math.max(1, duration.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void closeCursor() {
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

	private static boolean join(Thread thread, Duration timeout) {
		try {
			thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !thread.isAlive();
	}

	private static String summary(RuntimeException ex) {
		return ex instanceof MongoException mongoException ? mongoException.getClass().getSimpleName() + " "
				+ mongoException.getCode() + ": " + mongoException.getMessage() : ex.toString();
	}

	/** The store cannot open change streams. */
	private static final class NoChangeStreams extends RuntimeException {

		NoChangeStreams(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * Ids of recently delivered events, so an event read twice (a poll's look-back, a
	 * catch-up overlapping the new stream) is delivered once. Bounded by age and by
	 * count.
	 */
	private static final class RecentIds {

		private static final int MAX = 10_000;

		private final Map<String, Instant> ids = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
				return size() > MAX;
			}

		};

		/** True when the event was not delivered before. */
		boolean add(DomainEvent event) {
			return this.ids.putIfAbsent(event.id(), event.at() != null ? event.at() : Instant.now()) == null;
		}

		void forgetBefore(Instant time) {
			Iterator<Instant> oldestFirst = this.ids.values().iterator();
			while (oldestFirst.hasNext() && oldestFirst.next().isBefore(time)) {
				oldestFirst.remove();
			}
		}

	}

}
