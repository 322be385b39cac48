package gov.shaoxing.investment.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The embedded file store's data directory: DOWN below
 * {@code investment.store.min-free-space} or when no file can be created there, the same
 * check that makes the store refuse writes. (Boot's disk-space indicator looked at the
 * working directory, which need not be where the data is.)
 */
@Component("dataDirectory")
class DataDirectoryHealthIndicator implements HealthIndicator {

	private final EmbeddedStore store;

	DataDirectoryHealthIndicator(EmbeddedStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		DataDirectory directory = this.store.dataDirectory();
		if (directory == null) {
			return Health.up().withDetail("used", false).build();
		}
		DataDirectory.State state = directory.state();
		Health.Builder builder = state.ok() ? Health.up() : Health.down().withDetail("error", state.problem());
		return builder.withDetail("free", state.freeBytes())
			.withDetail("threshold", state.minFreeBytes())
			.withDetail("writable", state.writable())
			.build();
	}

}
