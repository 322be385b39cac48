package gov.shaoxing.investment.common;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ReadModelWarmerTests {

	private final List<String> warmed = new CopyOnWriteArrayList<>();

	@Test
	void everyReadModelLoadsBeforeTheWebServerEvenWhenOneFails() {
		ReadModelWarmer warmer = new ReadModelWarmer(readModels(() -> this.warmed.add("projects"), () -> {
			throw new IllegalStateException("store down");
		}, () -> this.warmed.add("progress")), new ReadModelProperties(true, false));

		warmer.start();

		assertThat(this.warmed).containsExactlyInAnyOrder("projects", "progress");
		assertThat(warmer.isRunning()).isTrue();
		assertThat(warmer.getPhase()).as("after the integrity check, before the web server")
			.isGreaterThan(-50)
			.isLessThan(0);
	}

	@Test
	void theReadModelsLoadSideBySide() {
		CyclicBarrier bothLoading = new CyclicBarrier(2);
		Warmable projects = () -> meet(bothLoading, "projects");
		Warmable progress = () -> meet(bothLoading, "progress");

		new ReadModelWarmer(readModels(projects, progress), new ReadModelProperties(true, false)).start();

		assertThat(this.warmed).as("each load waited for the other to start")
			.containsExactlyInAnyOrder("projects", "progress");
	}

	private void meet(CyclicBarrier barrier, String name) {
		try {
			barrier.await(5, TimeUnit.SECONDS);
			this.warmed.add(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException(name + " loaded alone", ex);
		}
	}

	@Test
	void withTheReadModelOffNothingLoads() {
		new ReadModelWarmer(readModels(() -> this.warmed.add("projects")), new ReadModelProperties(false, true))
			.start();

		assertThat(this.warmed).isEmpty();
	}

	@Test
	void settlingTheHeapRunsACollectionAfterLoading() {
		long before = collections();

		new ReadModelWarmer(readModels(() -> this.warmed.add("projects")), new ReadModelProperties(true, true)).start();

		assertThat(this.warmed).containsExactly("projects");
		assertThat(collections()).isGreaterThan(before);
	}

	private static long collections() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	@SuppressWarnings("unchecked")
	private static ObjectProvider<Warmable> readModels(Warmable... readModels) {
		ObjectProvider<Warmable> provider = mock(ObjectProvider.class);
		when(provider.orderedStream()).thenAnswer((call) -> Stream.of(readModels));
		return provider;
	}

}
