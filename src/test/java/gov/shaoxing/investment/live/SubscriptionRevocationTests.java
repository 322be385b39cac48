package gov.shaoxing.investment.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who loses the right to read (disabled, or password, role or scope changed) loses
 * their open subscriptions too: the connection closes with graphql-ws's 4403.
 */
@ServiceTest
class SubscriptionRevocationTests {

	@LocalServerPort
	int port;

	GraphQlTesters testers;

	@BeforeEach
	void testers(GraphQlTesters testers) {
		this.testers = testers;
	}

	@Test
	void disablingAUserClosesItsSubscriptionsWith4403() throws Exception {
		HttpGraphQlTester admin = this.testers.admin();
		admin.documentName("createWatcher").execute().path("createUser.errors").entityList(Object.class).hasSize(0);
		String token = this.testers.anonymous()
			.documentName("login")
			.variable("u", "watcher_1")
			.variable("p", "watcher-pass")
			.execute()
			.path("login.token")
			.entity(String.class)
			.get();

		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), new Listener(messages, closed))
			.get(10, TimeUnit.SECONDS);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true)
			.get(5, TimeUnit.SECONDS);
		assertThat(messages.poll(20, TimeUnit.SECONDS)).contains("connection_ack");
		socket
			.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
					+ "\"subscription { progressReported(districtCode: \\\"ZHUJI\\\") { id } }\"}}", true)
			.get(5, TimeUnit.SECONDS);
		// the subscription is open and quiet (nothing to report yet)
		assertThat(messages.poll(2, TimeUnit.SECONDS)).isNull();
		assertThat(closed).isNotDone();

		admin.documentName("disableWatcher").execute().path("updateUser.errors").entityList(Object.class).hasSize(0);
		assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(4403);
	}

	private static final class Listener implements WebSocket.Listener {

		private final BlockingQueue<String> messages;

		private final CompletableFuture<Integer> closed;

		private final StringBuilder partial = new StringBuilder();

		Listener(BlockingQueue<String> messages, CompletableFuture<Integer> closed) {
			this.messages = messages;
			this.closed = closed;
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			this.closed.complete(statusCode);
			return null;
		}

	}

}
