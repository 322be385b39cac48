package gov.shaoxing.investment.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTests {

	@Test
	void writersThatFinishDuringASyncShareTheNextOne() throws Exception {
		CountDownLatch firstSyncStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstSync = new CountDownLatch(1);
		AtomicInteger syncs = new AtomicInteger();
		GroupCommit commits = new GroupCommit(() -> {
			if (syncs.incrementAndGet() == 1) {
				firstSyncStarted.countDown();
				await(releaseFirstSync);
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			Future<?> first = pool.submit(commits::awaitDurable);
			assertThat(firstSyncStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<?>> others = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				others.add(pool.submit(commits::awaitDurable));
			}
			// all seven have their tickets and wait while the first sync runs
			while (commits.writes() < 8) {
				Thread.onSpinWait();
			}
			assertThat(others).noneMatch(Future::isDone);
			releaseFirstSync.countDown();
			first.get(10, TimeUnit.SECONDS);
			for (Future<?> other : others) {
				other.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(syncs).hasValue(2);
		assertThat(commits.syncs()).isEqualTo(2);
	}

	@Test
	void aWriterDoesNotReturnUntilASyncCoveringItSucceeded() {
		AtomicInteger attempts = new AtomicInteger();
		GroupCommit commits = new GroupCommit(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("disk gone");
			}
		});
		assertThatThrownBy(commits::awaitDurable).hasMessage("disk gone");
		commits.awaitDurable();
		assertThat(attempts).hasValue(2);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
