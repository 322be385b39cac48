package gov.shaoxing.investment.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How events travel between instances: by change stream where the store has one (a
 * replica set or the embedded store with its oplog), otherwise by polling the
 * {@code events} collection; and how long events are kept.
 *
 * @param mode {@code auto} watches a change stream and polls only where the store cannot
 * stream; {@code poll} always polls
 * @param pollInterval pause between two polls
 * @param retention age after which events are deleted (real MongoDB also expires them by
 * the TTL index)
 * @param startTimeout how long start-up waits for the feed to open before going on
 * without it
 * @param subscriberBuffer events held for one slow subscriber before its oldest are
 * dropped
 */
@ConfigurationProperties("investment.events")
record EventProperties(Mode mode, Duration pollInterval, Duration retention, Duration startTimeout,
		Integer subscriberBuffer) {

	enum Mode {

		AUTO, POLL

	}

	EventProperties {
		mode = mode == null ? Mode.AUTO : mode;
		pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
		retention = retention == null ? Duration.ofDays(1) : retention;
		startTimeout = startTimeout == null ? Duration.ofSeconds(10) : startTimeout;
		subscriberBuffer = subscriberBuffer == null ? 1024 : subscriberBuffer;
	}

	static EventProperties defaults() {
		return new EventProperties(null, null, null, null, null);
	}

}
