package gov.shaoxing.investment.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import gov.shaoxing.investment.InvestmentApplication;
import gov.shaoxing.investment.TestSecurity;
import gov.shaoxing.investment.notice.NoticeService;
import gov.shaoxing.investment.security.TokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances behind a load balancer share one store: what one instance writes reaches
 * subscribers on every other, by change stream or, where the store has none, by polling.
 * Each test starts its own instances on the embedded store of the first.
 */
class MultiInstanceTests {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final List<WebSocketGraphQlTester> connections = new ArrayList<>();

	@AfterEach
	void stopAll() {
		this.connections.forEach((connection) -> connection.stop().block(Received.TIMEOUT));
		// The first instance holds the embedded store, so it stops last.
		for (int i = this.instances.size() - 1; i >= 0; i--) {
			this.instances.get(i).close();
		}
	}

	@Test
	void aNoticeRaisedOnOneInstanceReachesASubscriberOnAnother() {
		ConfigurableApplicationContext a = start("investment.store.oplog=true");
		ConfigurableApplicationContext b = start("investment.store.uri=" + storeUri(a));
		assertThat(feed(b).delivery()).isEqualTo(ChangeFeed.Delivery.CHANGE_STREAM);
		int subscribed = feed(b).subscriberCount();
		try (Received<Map<String, Object>> onB = Received.subscribe(noticeChanged(b, "JXW"))) {
			awaitSubscribers(b, subscribed + 1);
			a.getBean(NoticeService.class).raise(NoticeDrafts.inspectionNotice("JXW", "设备进口免税未批"));
			assertThat(onB.next()).containsEntry("text", "设备进口免税未批").containsEntry("status", "OPEN");
		}
	}

	@Test
	void pollingDeliversAnEventWrittenOnOneInstanceToAnother() {
		ConfigurableApplicationContext a = start("investment.events.mode=poll");
		ConfigurableApplicationContext b = start("investment.store.uri=" + storeUri(a), "investment.events.mode=poll");
		assertThat(feed(b).delivery()).isEqualTo(ChangeFeed.Delivery.POLLING);
		int subscribed = feed(b).subscriberCount();
		try (Received<Map<String, Object>> onB = Received.subscribe(noticeChanged(b, "JXW"))) {
			awaitSubscribers(b, subscribed + 1);
			a.getBean(NoticeService.class).raise(NoticeDrafts.inspectionNotice("JXW", "电力增容未落实"));
			assertThat(onB.next()).containsEntry("text", "电力增容未落实");
		}
	}

	@Test
	void aStoreWithoutChangeStreamsFallsBackToPollingOnEveryInstance() {
		ConfigurableApplicationContext a = start("investment.store.oplog=false");
		ConfigurableApplicationContext b = start("investment.store.uri=" + storeUri(a));
		assertThat(feed(a).delivery()).isEqualTo(ChangeFeed.Delivery.POLLING);
		assertThat(feed(b).delivery()).isEqualTo(ChangeFeed.Delivery.POLLING);
		try (Received<DomainEvent> onA = Received.subscribe(feed(a).events());
				Received<DomainEvent> onB = Received.subscribe(feed(b).events())) {
			for (int i = 1; i <= 3; i++) {
				a.getBean(EventPublisher.class).publish(EventType.PROJECT_LIGHT_CHANGED, "ZHUJI", null, "P" + i);
			}
			// Each instance delivers each event once and in the order written.
			assertThat(List.of(onA.next(), onA.next(), onA.next())).extracting(DomainEvent::subjectId)
				.containsExactly("P1", "P2", "P3");
			assertThat(List.of(onB.next(), onB.next(), onB.next())).extracting(DomainEvent::subjectId)
				.containsExactly("P1", "P2", "P3");
		}
	}

	@Test
	void anEventWrittenAsSoonAsTheInstanceIsUpIsDelivered() {
		AtomicReference<Received<DomainEvent>> received = new AtomicReference<>();
		ApplicationListener<ApplicationEvent> writeOnRefresh = (event) -> {
			if (event instanceof ContextRefreshedEvent refreshed) {
				ChangeFeed feed = refreshed.getApplicationContext().getBean(ChangeFeed.class);
				received.set(Received.subscribe(feed.events()));
				refreshed.getApplicationContext()
					.getBean(EventPublisher.class)
					.publish(EventType.PROGRESS_CHANGED, "ZHUJI", null, "first");
			}
		};
		start(new SpringApplicationBuilder(InvestmentApplication.class).listeners(writeOnRefresh));
		try (Received<DomainEvent> events = received.get()) {
			assertThat(events.next().subjectId()).isEqualTo("first");
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return start(new SpringApplicationBuilder(InvestmentApplication.class), properties);
	}

	private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... properties) {
		// As arguments: default properties would lose to application.yml.
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--investment.store.mode=memory",
				"--investment.seed.on-empty=false", "--spring.main.banner-mode=off"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		ConfigurableApplicationContext context = builder.run(arguments.toArray(String[]::new));
		this.instances.add(context);
		return context;
	}

	private static String storeUri(ConfigurableApplicationContext instance) {
		return instance.getBean(MongoConnectionDetails.class).getConnectionString().getConnectionString();
	}

	private static ChangeFeed feed(ConfigurableApplicationContext instance) {
		return instance.getBean(ChangeFeed.class);
	}

	private static void awaitSubscribers(ConfigurableApplicationContext instance, int count) {
		await().atMost(Received.TIMEOUT).until(() -> feed(instance).subscriberCount() >= count);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Flux<Map<String, Object>> noticeChanged(ConfigurableApplicationContext instance, String departmentCode) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		String token = TestSecurity.adminToken(instance.getBean(TokenIssuer.class));
		WebSocketGraphQlTester connection = WebSocketGraphQlTester
			.builder("ws://localhost:" + port + "/graphql", new StandardWebSocketClient())
			.interceptor(TestSecurity.webSocketToken(token))
			.build();
		this.connections.add(connection);
		return (Flux) connection.documentName("noticeChanged")
			.variable("departmentCode", departmentCode)
			.executeSubscription()
			.toFlux("noticeChanged", Map.class);
	}

}
