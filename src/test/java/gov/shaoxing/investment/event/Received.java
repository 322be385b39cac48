package gov.shaoxing.investment.event;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.fail;

/**
 * What a subscriber has received so far; {@link #next()} waits a bounded time, so a lost
 * event fails, not hangs.
 */
final class Received<T> implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final BlockingQueue<T> items = new LinkedBlockingQueue<>();

	private final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();

	private final Disposable subscription;

	private Received(Flux<T> flux) {
		this.subscription = flux.subscribe(this.items::add, this.errors::add);
	}

	static <T> Received<T> subscribe(Flux<T> flux) {
		return new Received<>(flux);
	}

	T next() {
		try {
			T item = this.items.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (item == null) {
				fail("Nothing received within " + TIMEOUT
						+ (this.errors.isEmpty() ? "" : "; error: " + this.errors.peek()));
			}
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
