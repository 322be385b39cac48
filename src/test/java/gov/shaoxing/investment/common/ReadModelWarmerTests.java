package gov.shaoxing.investment.common;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ReadModelWarmerTests {

	private final List<String> warmed = new ArrayList<>();

	@Test
	void everyReadModelLoadsBeforeTheWebServerEvenWhenOneFails() {
		ReadModelWarmer warmer = new ReadModelWarmer(readModels(() -> this.warmed.add("projects"), () -> {
			throw new IllegalStateException("store down");
		}, () -> this.warmed.add("progress")), new ReadModelProperties(true, false));

		warmer.start();

		assertThat(this.warmed).containsExactly("projects", "progress");
		assertThat(warmer.isRunning()).isTrue();
		assertThat(warmer.getPhase()).as("after the integrity check, before the web server")
			.isGreaterThan(-50)
			.isLessThan(0);
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
