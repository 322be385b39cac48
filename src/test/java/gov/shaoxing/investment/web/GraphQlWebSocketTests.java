package gov.shaoxing.investment.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import gov.shaoxing.investment.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-ws shares the {@code /graphql} path with GET queries: upgrades must still reach
 * the WebSocket handler.
 */
@ServiceTest
class GraphQlWebSocketTests {

	@LocalServerPort
	int port;

	@Test
	void graphQlWsHandshakeOnSharedPathIsAcknowledgedAndRunsOperations() throws Exception {
		BlockingQueue<String> messages = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://localhost:" + this.port + "/graphql"), new Collector(messages))
			.get(10, TimeUnit.SECONDS);
		try {
			assertThat(socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
			socket.sendText("{\"type\":\"connection_init\"}", true).get(5, TimeUnit.SECONDS);
			assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"connection_ack\"");

			socket
				.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ districts { name } }\"}}",
						true)
				.get(5, TimeUnit.SECONDS);
			assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"next\"").contains("绍兴县");
			assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"complete\"");
		}
		finally {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
		}
	}

	/** Gathers whole text messages, which may arrive in parts. */
	private static final class Collector implements WebSocket.Listener {

		private final BlockingQueue<String> messages;

		private final StringBuilder partial = new StringBuilder();

		Collector(BlockingQueue<String> messages) {
			this.messages = messages;
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

	}

}
