package gov.shaoxing.investment.event;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import gov.shaoxing.investment.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers every event inserted into the {@code events} collection, by any instance, to
 * this instance's subscriptions and read models through {@link #events()}.
 * <p>
 * One thread reads the store: a {@link ChangeStreamReader} where the store streams, else
 * an {@link EventPoller}, which works on any store, only later. The feed opens before the
 * web server starts, so an event written once the service answers is never missed.
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

	private final EventProperties properties;

	private final FeedLoop loop = new FeedLoop();

	private final EventPoller poller;

	private final ChangeStreamReader stream;

	/** False when the store is known not to stream, so the feed polls without trying. */
	private final boolean mayStream;

	/** Caches to keep fresh, see {@link #follow}. */
	private final List<Follower> followers = new CopyOnWriteArrayList<>();

	private volatile Thread thread;

	ChangeFeed(MongoTemplate mongo, EventProperties properties) {
		this(mongo, properties, true);
	}

	@Autowired
	ChangeFeed(MongoTemplate mongo, EventProperties properties, StoreProperties store) {
		this(mongo, properties, store.mayStreamChanges());
	}

	private ChangeFeed(MongoTemplate mongo, EventProperties properties, boolean mayStream) {
		this.properties = properties;
		this.mayStream = mayStream;
		this.poller = new EventPoller(mongo, this.loop, properties);
		this.stream = new ChangeStreamReader(mongo, this.loop, this.poller, properties.pollInterval());
	}

	private record Follower(Set<EventType> types, Consumer<DomainEvent> action) {
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
	public void follow(Set<EventType> types, Consumer<DomainEvent> action) {
		this.followers.add(new Follower(Set.copyOf(types), action));
		events().filter((e) -> types.contains(e.type())).subscribe(action);
	}

	@EventListener
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
			return this.loop.sink.asFlux().onBackpressureBuffer(buffer, (dropped) -> {
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
			if (this.loop.running) {
				return;
			}
			this.loop.running = true;
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
			if (!this.loop.running) {
				return;
			}
			this.loop.running = false;
			feed = this.thread;
			this.thread = null;
		}
		this.loop.wake();
		// An empty getMore returns within MAX_AWAIT_MILLIS; closing the cursor frees a
		// thread stuck longer.
		if (!join(feed, Duration.ofMillis(ChangeStreamReader.MAX_AWAIT_MILLIS * 3))) {
			this.stream.close();
			feed.interrupt();
			join(feed, Duration.ofSeconds(2));
		}
		this.loop.delivery = Delivery.STOPPED;
	}

	@Override
	public boolean isRunning() {
		return this.loop.running;
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
		this.loop.sink.tryEmitComplete();
	}

	Delivery delivery() {
		return this.loop.delivery;
	}

	/** How many follow the feed now: the read models plus one per live subscription. */
	int subscriberCount() {
		return this.loop.sink.currentSubscriberCount();
	}

	int reconnects() {
		return this.loop.reconnects.get();
	}

	/**
	 * Closes the change stream as a dropped connection would; the feed reconnects and
	 * resumes. For tests.
	 */
	void closeStream() {
		this.stream.close();
	}

	private void run(CountDownLatch reading) {
		try {
			if (this.properties.mode() == EventProperties.Mode.POLL) {
				log.info("Change feed: polling the events collection every {} (investment.events.mode=poll)",
						this.properties.pollInterval());
				this.poller.poll(reading);
			}
			else if (!this.mayStream) {
				log.info("Change feed: the embedded store has no oplog (investment.store.oplog=false), so no change "
						+ "streams; polling the events collection every {}", this.properties.pollInterval());
				this.poller.poll(reading);
			}
			else if (!this.stream.watch(reading)) {
				this.poller.poll(reading);
			}
		}
		catch (RuntimeException | Error ex) {
			log.error("Change feed stopped: no live updates until restart", ex);
			throw ex;
		}
		finally {
			this.stream.close();
			this.loop.delivery = Delivery.STOPPED;
			reading.countDown();
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

}
