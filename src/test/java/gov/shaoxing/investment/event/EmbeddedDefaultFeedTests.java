package gov.shaoxing.investment.event;

import gov.shaoxing.investment.ServiceTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store runs without an oplog by default, so the feed polls the events
 * collection from the start (without asking the store for a change stream it cannot give)
 * and still delivers every event.
 */
@ServiceTest
class EmbeddedDefaultFeedTests {

	@Autowired
	ChangeFeed feed;

	@Autowired
	EventPublisher publisher;

	@Test
	void theDefaultEmbeddedStoreIsPolledAndEventsStillArrive() {
		assertThat(this.feed.delivery()).isEqualTo(ChangeFeed.Delivery.POLLING);
		try (Received<DomainEvent> events = Received
			.subscribe(this.feed.events().filter((e) -> "polled-event".equals(e.subjectId())))) {
			Awaitility.await().atMost(Received.TIMEOUT).until(() -> this.feed.subscriberCount() > 0);
			this.publisher.publish(EventType.PROGRESS_CHANGED, "ZHUJI", null, "polled-event");
			assertThat(events.next().type()).isEqualTo(EventType.PROGRESS_CHANGED);
		}
	}

}
