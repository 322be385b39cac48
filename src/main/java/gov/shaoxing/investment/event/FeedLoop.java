package gov.shaoxing.investment.event;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoException;
import reactor.core.publisher.Sinks;

/**
 * What the feed thread's two ways of reading, {@link ChangeStreamReader} and
 * {@link EventPoller}, share: whether the feed runs, how far it has read, how events
 * reach the subscribers (each once), and the pause between tries that {@code stop()} cuts
 * short.
 */
final class FeedLoop {

	/**
	 * How far before what was already read a poll or a catch-up looks again: covers
	 * clocks that differ between instances and inserts that land later than their id's
	 * time. Events seen twice are delivered once.
	 */
	static final Duration LOOKBACK = Duration.ofSeconds(10);

	/**
	 * Best effort: emitting never blocks and never fails because one subscriber has no
	 * demand. Every subscriber comes through {@code ChangeFeed.events()}, which asks for
	 * everything and buffers on its own, so nothing is dropped here. A shared buffered
	 * sink ({@code onBackpressureBuffer()}) would instead let the slowest subscriber hold
	 * up all the others and refuse events once full.
	 */
	final Sinks.Many<DomainEvent> sink = Sinks.many().multicast().directBestEffort();

	final AtomicInteger reconnects = new AtomicInteger();

	volatile boolean running;

	volatile ChangeFeed.Delivery delivery = ChangeFeed.Delivery.STOPPED;

	private final Object sleep = new Object();

	// The rest is touched by the feed thread only.

	private final RecentIds delivered = new RecentIds();

	/**
	 * Every event inserted before this time, less {@link #LOOKBACK}, has been delivered;
	 * null before the first read.
	 */
	Instant readUpTo;

	/** Hands the event to every subscriber, once; never blocks. */
	boolean emit(DomainEvent event) {
		if (!this.delivered.add(event)) {
			return false;
		}
		// Only the feed thread emits, so the sink is never emitted to concurrently; with
		// no subscriber, the event is simply not wanted here.
		this.sink.tryEmitNext(event);
		return true;
	}

	/** Notes an event as delivered without delivering it (the feed is hot). */
	boolean note(DomainEvent event) {
		return this.delivered.add(event);
	}

	void forgetBefore(Instant time) {
		this.delivered.forgetBefore(time);
	}

	void pause(Duration duration) {
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

	/** Ends a pause at once, for {@code stop()}. */
	void wake() {
		synchronized (this.sleep) {
			this.sleep.notifyAll();
		}
	}

	static String summary(RuntimeException ex) {
		return ex instanceof MongoException mongoException ? mongoException.getClass().getSimpleName() + " "
				+ mongoException.getCode() + ": " + mongoException.getMessage() : ex.toString();
	}

}
