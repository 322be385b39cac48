package gov.shaoxing.investment.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.common.Ids;
import gov.shaoxing.investment.notice.Notice;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates on one instance: graphql-ws subscriptions, resuming a lost stream, slow
 * subscribers, expiry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "investment.store.mode=memory", "investment.store.oplog=true" })
class ChangeFeedTests {

	@Autowired
	TokenIssuer tokenIssuer;

	@LocalServerPort
	int port;

	@Autowired
	ChangeFeed feed;

	@Autowired
	EventPublisher publisher;

	@Autowired
	EventCleanup cleanup;

	@Autowired
	NoticeService notices;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	WebSocketGraphQlTester subscriber;

	/** Subscribers of the feed before the test: the application's own (read models). */
	int subscribed;

	@BeforeEach
	void connect() {
		this.subscribed = this.feed.subscriberCount();
		this.subscriber = WebSocketGraphQlTester
			.builder("ws://localhost:" + this.port + "/graphql", new StandardWebSocketClient())
			.interceptor(TestSecurity.webSocketToken(TestSecurity.adminToken(this.tokenIssuer)))
			.build();
	}

	/**
	 * Also checks that subscriptions end on the server when their clients go, so the next
	 * test starts clean.
	 */
	@AfterEach
	void disconnect() {
		this.subscriber.stop().block(Received.TIMEOUT);
		await().atMost(Received.TIMEOUT).until(() -> this.feed.subscriberCount() <= this.subscribed);
	}

	@Test
	void feedWatchesAChangeStreamOnTheEmbeddedStore() {
		assertThat(this.feed.delivery()).isEqualTo(ChangeFeed.Delivery.CHANGE_STREAM);
	}

	@Test
	void aSubscriberSeesANoticeRaisedThroughAnotherConnection() {
		try (Received<Map<String, Object>> jxw = Received.subscribe(noticeChanged("JXW"))) {
			awaitSubscribers(this.subscribed + 1);
			this.notices.raise(NoticeDrafts.inspectionNotice("JXW", "用地指标未落实"));
			Map<String, Object> notice = jxw.next();
			assertThat(notice).containsEntry("text", "用地指标未落实").containsEntry("status", "OPEN");
			assertThat(notice.get("department")).isEqualTo(Map.of("code", "JXW"));
		}
	}

	@Test
	void aSubscriberSeesTheChangeAMutationMakesOnAnotherConnection() {
		Notice raised = this.notices.raise(NoticeDrafts.inspectionNotice("JXW", "环评批复滞后"));
		HttpGraphQlTester http = GraphQlTesters.of(this.context)
			.admin()
			.mutate()
			.webTestClient((client) -> client.responseTimeout(Received.TIMEOUT))
			.build();
		try (Received<Map<String, Object>> jxw = Received.subscribe(noticeChanged("JXW"))) {
			awaitSubscribers(this.subscribed + 1);
			http.documentName("startNoticeWithNote")
				.variable("id", GlobalId.encode("Notice", raised.id()))
				.execute()
				.path("startNotice.errors")
				.entityList(Object.class)
				.hasSize(0);
			// the raise itself may still be in flight and arrive first; the change must
			// follow it
			Map<String, Object> seen = jxw.next();
			if (!"IN_PROGRESS".equals(seen.get("status"))) {
				seen = jxw.next();
			}
			assertThat(seen).containsEntry("text", "环评批复滞后").containsEntry("status", "IN_PROGRESS");
		}
	}

	@Test
	void aSubscriberToAnotherDepartmentDoesNotSeeTheNotice() {
		try (Received<Map<String, Object>> fgw = Received.subscribe(noticeChanged("FGW"));
				Received<Map<String, Object>> jxw = Received.subscribe(noticeChanged("JXW"))) {
			awaitSubscribers(this.subscribed + 2);
			this.notices.raise(NoticeDrafts.inspectionNotice("JXW", "资金未到位"));
			assertThat(jxw.next()).containsEntry("text", "资金未到位");
			// Each subscriber gets events in order, so FGW's first notice must be its
			// own, raised after JXW's.
			this.notices.raise(NoticeDrafts.inspectionNotice("FGW", "立项手续未办"));
			assertThat(fgw.next()).containsEntry("text", "立项手续未办");
		}
	}

	@Test
	void aLostStreamResumesWithoutLosingEventsWrittenMeanwhile() {
		int reconnects = this.feed.reconnects();
		try (Received<DomainEvent> events = Received
			.subscribe(this.feed.events().filter((e) -> "resume".equals(e.districtCode())))) {
			this.publisher.publish(EventType.PROGRESS_CHANGED, "resume", null, "before");
			assertThat(events.next().subjectId()).isEqualTo("before");
			// The feed waits a second before it reconnects, so these are written while it
			// has no stream.
			this.feed.closeStream();
			this.publisher.publish(EventType.PROGRESS_CHANGED, "resume", null, "during-1");
			this.publisher.publish(EventType.PROGRESS_CHANGED, "resume", null, "during-2");
			assertThat(events.next().subjectId()).isEqualTo("during-1");
			assertThat(events.next().subjectId()).isEqualTo("during-2");
			this.publisher.publish(EventType.PROGRESS_CHANGED, "resume", null, "after");
			assertThat(events.next().subjectId()).isEqualTo("after");
		}
		assertThat(this.feed.reconnects()).isEqualTo(reconnects + 1);
		assertThat(this.feed.delivery()).isEqualTo(ChangeFeed.Delivery.CHANGE_STREAM);
	}

	@Test
	void aBlockedSubscriberDoesNotHoldUpOthers() {
		CountDownLatch release = new CountDownLatch(1);
		Flux<DomainEvent> blockedEvents = this.feed.events().filter((e) -> "blocked".equals(e.districtCode()));
		try (Received<DomainEvent> blocked = Received.subscribe(blockedEvents.doOnNext((e) -> {
			try {
				release.await(Received.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})); Received<DomainEvent> others = Received.subscribe(blockedEvents)) {
			for (int i = 1; i <= 3; i++) {
				this.publisher.publish(EventType.PROGRESS_CHANGED, "blocked", null, "event-" + i);
			}
			assertThat(List.of(others.next(), others.next(), others.next())).extracting(DomainEvent::subjectId)
				.containsExactly("event-1", "event-2", "event-3");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void eventsOlderThanTheRetentionAreDeleted() {
		Instant now = Instant.now();
		DomainEvent old = this.mongo.insert(new DomainEvent(Ids.next("E", now.minus(Duration.ofDays(2))),
				EventType.NOTICE_CHANGED, "ZHUJI", "JXW", "old", now.minus(Duration.ofDays(2))));
		DomainEvent recent = this.mongo.insert(new DomainEvent(Ids.next("E", now.minus(Duration.ofHours(1))),
				EventType.NOTICE_CHANGED, "ZHUJI", "JXW", "recent", now.minus(Duration.ofHours(1))));
		this.cleanup.deleteExpired();
		assertThat(this.mongo.findById(old.id(), DomainEvent.class)).isNull();
		assertThat(this.mongo.findById(recent.id(), DomainEvent.class)).isNotNull();
	}

	@Test
	void eventIdsSortInPublishingOrder() {
		Instant now = Instant.now();
		assertThat(Ids.next("E", now)).isLessThan(Ids.next("E", now.plusMillis(1)));
		assertThat(DomainEvent.floorId(now)).isLessThan(Ids.next("E", now))
			.isGreaterThan(Ids.next("E", now.minusMillis(1)));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Flux<Map<String, Object>> noticeChanged(String departmentCode) {
		return (Flux) this.subscriber.documentName("noticeChangedWithDepartment")
			.variable("departmentCode", departmentCode)
			.executeSubscription()
			.toFlux("noticeChanged", Map.class);
	}

	private void awaitSubscribers(int count) {
		await().atMost(Received.TIMEOUT).until(() -> this.feed.subscriberCount() >= count);
	}

}
